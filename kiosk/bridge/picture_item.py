"""A QML item that shows one picture (a QImage made in Python) through the scene graph.

QQuickPaintedItem, the obvious choice, paints into a buffer of its own, the size of the
whole item, and keeps a second copy of that buffer for its texture: a full-screen item
costs 16 MB whether or not it shows anything, and every new picture is copied into the
buffer before the renderer copies the buffer to the screen. This item hands the picture
itself to the scene graph instead (under the software renderer the texture shares its
pixels), and without a picture it has no node and holds no pixels at all
(docs/decisions/0024-pictures-as-textures.md).

The software scene graph draws a texture node without smoothing, whatever its filtering
says: a small picture stretched large (the video backdrop's blur) would show as blocks.
There the item enlarges such a picture smoothly itself, by a whole factor, to within
``MOST_STRETCH`` of the size it is drawn at, once per picture and size, and only the part
of it that is shown.
"""

from __future__ import annotations

import math

import shiboken6
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtQuick import (
    QQuickItem,
    QSGNode,
    QSGRendererInterface,
    QSGSimpleTextureNode,
    QSGTexture,
)

# How far the software scene graph may stretch a picture, unsmoothed, before the item
# enlarges it smoothly first: steps of 3 pixels do not show in a soft picture.
MOST_STRETCH = 3


class PictureItem(QQuickItem):
    """Shows ``picture`` where ``picture_rect()`` says; subclasses decide both."""

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self._picture = QImage()
        # Whether the scene graph has taken the current picture (it does at its next sync).
        self._picture_taken = True
        # By how much the picture in the scene graph was enlarged (software scene graph),
        # and which part of the picture was (only the part shown is).
        self._enlarged = 1
        self._enlarged_part = QRect()
        self.setFlag(QQuickItem.Flag.ItemHasContents, True)

    @property
    def picture(self) -> QImage:
        return self._picture

    @property
    def picture_taken(self) -> bool:
        """False from ``show_picture`` until the screen's next frame takes the picture."""
        return self._picture_taken

    def show_picture(self, picture: QImage) -> None:
        """Show ``picture`` from the next frame on (a null picture: show nothing)."""
        self._picture = picture
        self._picture_taken = picture.isNull()
        self.update()

    def geometryChange(self, new_geometry: QRectF | QRect, old_geometry: QRectF | QRect) -> None:
        super().geometryChange(new_geometry, old_geometry)
        if new_geometry.size() != old_geometry.size():
            self.update()  # where the picture goes, and which part of it, follow the size

    def picture_rect(self) -> QRectF:
        """Where the picture goes, in the item's coordinates: the whole item unless a
        subclass says otherwise."""
        return QRectF(0, 0, self.width(), self.height())

    def picture_source(self) -> QRectF:
        """The part of the picture shown: all of it unless a subclass says otherwise."""
        return QRectF(self._picture.rect())

    # The stubs say a node is always returned; None (no node) is what Qt's own items return
    # when they have nothing to show.
    def updatePaintNode(  # type: ignore[override]
        self, old_node: QSGNode | None, _data: object
    ) -> QSGNode | None:
        # Called by the scene graph while the GUI thread waits for it. The node is made
        # here, in Python, on purpose: when the scene graph deletes a node it made in
        # Python, PySide hears of it, so no stale wrapper of it is ever handed out again
        # for a new object at the same address (as happens with createImageNode()'s).
        window = self.window()
        if self._picture.isNull() or window is None or self.width() < 1 or self.height() < 1:
            # Nothing to show: the node goes, and the last picture's pixels with it.
            if old_node is not None:
                shiboken6.delete(old_node)
            return None
        node = old_node if isinstance(old_node, QSGSimpleTextureNode) else None
        if node is None:
            node = QSGSimpleTextureNode()
            node.setOwnsTexture(True)  # the node frees the texture it lets go of
            self._picture_taken = False
        rect = self.picture_rect()
        source = self.picture_source()
        ratio = self._picture.devicePixelRatio()
        enlarged = 1
        if window.rendererInterface().graphicsApi() == QSGRendererInterface.GraphicsApi.Software:
            stretch = min(rect.width() * ratio / max(1.0, source.width()),
                          rect.height() * ratio / max(1.0, source.height()))  # fmt: skip
            enlarged = max(1, math.ceil(stretch / MOST_STRETCH))
        shown_part = source.toAlignedRect()
        if (
            not self._picture_taken
            or enlarged != self._enlarged
            or (enlarged > 1 and not self._enlarged_part.contains(shown_part))
        ):
            picture = self._picture
            part = self._picture.rect()
            if enlarged > 1:
                # Only the part shown, and a pixel around it for the smoothing at its edge:
                # a backdrop that covers a portrait screen shows a third of its sample.
                part = shown_part.adjusted(-1, -1, 1, 1).intersected(part)
                picture = picture.copy(part).scaled(
                    part.size() * enlarged,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            node.setTexture(window.createTextureFromImage(picture))
            self._picture_taken = True
            self._enlarged = enlarged
            self._enlarged_part = part
        corner = source.topLeft() - QPointF(self._enlarged_part.topLeft())
        source = QRectF(corner * enlarged, source.size() * enlarged)
        node.setRect(rect)
        node.setSourceRect(source)
        one_to_one = rect.size() * ratio == source.size()
        node.setFiltering(
            QSGTexture.Filtering.Nearest if one_to_one else QSGTexture.Filtering.Linear
        )
        return node
