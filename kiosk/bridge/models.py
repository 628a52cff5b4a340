"""List models of the package's content for QML: the corners, a corner's sections.

Role names come from one enum per model; a language change emits ``dataChanged`` for the
text roles only, so QML delegates update in place and keep their state.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from enum import IntEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
)

from kiosk.bridge.record_model import camel_case
from kiosk.content.package import CornerContent, MediaItem

_Index = QModelIndex | QPersistentModelIndex


def _role_names(roles: type[IntEnum]) -> dict[int, QByteArray]:
    return {int(role): QByteArray(camel_case(role.name.lower()).encode()) for role in roles}


class MediaUrls:
    """File URLs of extracted media, by SHA-256 (empty URL for none)."""

    def __init__(self, paths: Mapping[str, Path]) -> None:
        self._paths = paths

    def replace(self, paths: Mapping[str, Path]) -> None:
        """Media of another package (after an install switched to it)."""
        self._paths = paths

    def path(self, item: MediaItem | None) -> Path | None:
        """The extracted file of ``item``, if there is one."""
        return self._paths.get(item.sha256) if item is not None else None

    def url(self, item: MediaItem | None) -> QUrl:
        """The URL QML loads ``item`` from. A picture's names its content too (in the
        fragment, which loading ignores): QML keeps decoded pictures by URL, and the live
        preview shows a picture saved again under the same name from the same file."""
        if item is None or item.sha256 not in self._paths:
            return QUrl()
        url = QUrl.fromLocalFile(str(self._paths[item.sha256]))
        if item.kind == "image":
            url.setFragment(item.sha256[:16])
        return url


class _LocalizedListModel(QAbstractListModel):
    """A read-only list of items whose text roles follow the current language."""

    Roles: type[IntEnum]
    TEXT_ROLES: tuple[IntEnum, ...] = ()

    def __init__(self, items: Sequence[Any], language: str, parent: Any = None) -> None:
        super().__init__(parent)
        self._items = list(items)
        self._language = language
        self._readers: dict[int, Callable[[Any], object]] = self._make_readers()

    def _make_readers(self) -> dict[int, Callable[[Any], object]]:
        raise NotImplementedError

    def roleNames(self) -> dict[int, QByteArray]:
        return _role_names(self.Roles)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        reader = self._readers.get(role)
        return reader(self._items[index.row()]) if reader else None

    def set_language(self, language: str) -> None:
        """Show every text role in ``language``; no change, no signal."""
        if language == self._language:
            return
        self._language = language
        if self._items:
            self.dataChanged.emit(
                self.index(0),
                self.index(len(self._items) - 1),
                [int(role) for role in self.TEXT_ROLES],
            )

    def replace(self, items: Sequence[Any]) -> None:
        """Show other items (a new package, another corner)."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()


class CornerListModel(_LocalizedListModel):
    """The exhibit corners, in the package's order."""

    class Roles(IntEnum):
        CORNER_ID = Qt.ItemDataRole.UserRole + 1
        NUMBER = Qt.ItemDataRole.UserRole + 2
        TITLE = Qt.ItemDataRole.UserRole + 3
        SUMMARY = Qt.ItemDataRole.UserRole + 4
        COLOUR = Qt.ItemDataRole.UserRole + 5
        HERO_URL = Qt.ItemDataRole.UserRole + 6

    TEXT_ROLES = (Roles.TITLE, Roles.SUMMARY)

    def __init__(
        self, corners: Sequence[CornerContent], language: str, urls: MediaUrls, parent: Any = None
    ) -> None:
        self._urls = urls
        self._colours: Mapping[str, str] = {}
        super().__init__(corners, language, parent)

    def set_colours(self, colours: Mapping[str, str]) -> None:
        """Show the corners in these colours (by corner id): the readable palette of the
        current mode, not the package's raw colours."""
        if colours == self._colours:
            return
        self._colours = dict(colours)
        if self._items:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._items) - 1), [int(self.Roles.COLOUR)]
            )

    def _make_readers(self) -> dict[int, Callable[[Any], object]]:
        roles = self.Roles
        return {
            roles.CORNER_ID: lambda c: c.corner_id,
            roles.NUMBER: lambda c: f"{self._items.index(c) + 1:02d}",
            roles.TITLE: lambda c: c.title.get(self._language),
            roles.SUMMARY: lambda c: c.summary.get(self._language),
            roles.COLOUR: lambda c: self._colours.get(c.corner_id, ""),
            roles.HERO_URL: lambda c: self._urls.url(c.hero),
        }


class SectionListModel(_LocalizedListModel):
    """The sections (pages) of the corner that is open."""

    class Roles(IntEnum):
        KIND = Qt.ItemDataRole.UserRole + 1
        TITLE = Qt.ItemDataRole.UserRole + 2
        BODY = Qt.ItemDataRole.UserRole + 3
        IMAGE_URL = Qt.ItemDataRole.UserRole + 4
        NARRATION_URL = Qt.ItemDataRole.UserRole + 5

    # The narration is recorded per language, so it changes with the language too.
    TEXT_ROLES = (Roles.TITLE, Roles.BODY, Roles.NARRATION_URL)

    def __init__(self, language: str, urls: MediaUrls, parent: Any = None) -> None:
        self._urls = urls
        super().__init__([], language, parent)

    def _make_readers(self) -> dict[int, Callable[[Any], object]]:
        roles = self.Roles
        return {
            roles.KIND: lambda s: s.kind,
            roles.TITLE: lambda s: s.title.get(self._language),
            roles.BODY: lambda s: s.body.get(self._language),
            roles.IMAGE_URL: lambda s: self._urls.url(s.image),
            roles.NARRATION_URL: lambda s: self._urls.url(s.narration.get(self._language)),
        }


class GalleryListModel(_LocalizedListModel):
    """The gallery images of the corner that is open."""

    class Roles(IntEnum):
        IMAGE_URL = Qt.ItemDataRole.UserRole + 1
        CAPTION = Qt.ItemDataRole.UserRole + 2
        ASPECT = Qt.ItemDataRole.UserRole + 3

    TEXT_ROLES = (Roles.CAPTION,)

    def __init__(self, language: str, urls: MediaUrls, parent: Any = None) -> None:
        self._urls = urls
        super().__init__([], language, parent)

    def _make_readers(self) -> dict[int, Callable[[Any], object]]:
        roles = self.Roles
        return {
            roles.IMAGE_URL: lambda g: self._urls.url(g.image),
            roles.CAPTION: lambda g: g.caption.get(self._language) if g.caption else "",
            roles.ASPECT: lambda g: (
                (g.image.width / g.image.height) if g.image.width and g.image.height else 1.5
            ),
        }
