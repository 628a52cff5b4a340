"""The exhibit as QML sees it: the hall, its corners, where the visitor is, the language."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.captions import CaptionTrack
from kiosk.bridge.colours import Colours
from kiosk.bridge.models import (
    CornerListModel,
    GalleryListModel,
    MediaUrls,
    SectionListModel,
)
from kiosk.bridge.qr import qr_svg_data_url
from kiosk.content.captions import Cue, read_cues
from kiosk.content.contrast import Palette, palette
from kiosk.content.package import CornerContent, LinkContent, PackageContent

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "Exhibit"]


@QmlElement
@QmlUncreatable("The exhibit is made by the application.")
class Exhibit(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """The active package's content and the visitor's place in it.

    ``currentCornerId`` is empty on the home screen. Opening a corner is refused while one
    is open, so two fingers on two tiles open one corner, not two.
    """

    languageChanged = Signal()
    contentChanged = Signal()
    currentCornerChanged = Signal()
    # The open corner's texts change with the corner and with the language.
    currentCornerTextChanged = Signal()
    cornerOpened = Signal(str)
    wentHome = Signal()
    # The colours changed: another package, high contrast on or off, another corner.
    paletteChanged = Signal()

    def __init__(
        self,
        content: PackageContent,
        urls: MediaUrls,
        font_family: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._urls = urls
        self._font_family = font_family
        self._language = content.default_language
        self._corner: CornerContent | None = None
        self._corners = CornerListModel(content.corners, self._language, urls, self)
        self._sections = SectionListModel(self._language, urls, self)
        self._gallery = GalleryListModel(self._language, urls, self)
        self._cues: dict[str, tuple[Cue, ...]] = {}  # by captions media SHA-256
        self._high_contrast = False
        self._palette = self._make_palette()
        self._colours = Colours(self._palette.theme, self)
        self._captions = CaptionTrack(self)
        self._corners.set_colours(self._palette.corners)

    def show_content(
        self, content: PackageContent, paths: Mapping[str, Path], font_family: str
    ) -> None:
        """Show another package (a new install switched in at a quiet moment)."""
        self.goHome()
        self._content = content
        self._urls.replace(paths)
        if font_family:
            self._font_family = font_family
        self._language = content.default_language
        self._cues.clear()
        self._update_captions()
        self._corners.set_language(self._language)
        self._corners.replace(content.corners)
        self._update_palette()
        self.contentChanged.emit()
        self.languageChanged.emit()
        self.currentCornerTextChanged.emit()

    @property
    def content(self) -> PackageContent:
        """The package shown now (for Python; QML uses the properties)."""
        return self._content

    @property
    def current_language(self) -> str:
        """The visitor's language (for Python; QML reads ``language``)."""
        return self._language

    @property
    def open_corner_id(self) -> str:
        """The open corner's id, "" on the home screen (QML reads ``currentCornerId``)."""
        return self._corner.corner_id if self._corner else ""

    # -- language

    def _get_language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        """Show everything in ``language`` (one of the package's languages; another is
        ignored)."""
        if language == self._language or language not in self._content.languages:
            return
        self._language = language
        self._corners.set_language(language)
        self._sections.set_language(language)
        self._gallery.set_language(language)
        self._update_captions()
        self.languageChanged.emit()
        self.currentCornerTextChanged.emit()

    # The visitor's language: the language switch writes it.
    language = Property(str, _get_language, set_language, notify=languageChanged)

    @Property("QStringList", notify=contentChanged)  # type: ignore[arg-type]  # a Qt type name
    def languages(self) -> list[str]:
        return list(self._content.languages)

    # -- the hall

    @Property(str, notify=languageChanged)
    def hallTitle(self) -> str:
        return self._content.title.get(self._language)

    @Property(str, notify=languageChanged)
    def hallSubtitle(self) -> str:
        return self._content.subtitle.get(self._language)

    # -- colours

    @Property(Colours, constant=True)
    def colours(self) -> Colours:
        """The colours by role, made readable (see kiosk.content.contrast) for the mode."""
        return self._colours

    @Property(bool, notify=paletteChanged)
    def highContrast(self) -> bool:
        return self._high_contrast

    def set_high_contrast(self, on: bool) -> None:
        """The high-contrast palette (light on black) instead of the package's colours."""
        if on != self._high_contrast:
            self._high_contrast = on
            self._update_palette()

    def _make_palette(self) -> Palette:
        colours = {c.corner_id: c.colour for c in self._content.corners if c.colour}
        return palette(self._content.theme, colours, high_contrast=self._high_contrast)

    def _update_palette(self) -> None:
        self._palette = self._make_palette()
        self._colours.show(self._palette.theme)
        self._corners.set_colours(self._palette.corners)
        self.paletteChanged.emit()

    @Property(str, notify=contentChanged)
    def fontFamily(self) -> str:
        return self._font_family

    @Property(str, notify=contentChanged)
    def venueUrl(self) -> str:
        link = self._venue()
        return link.url if link else ""

    @Property(str, notify=languageChanged)
    def venueLabel(self) -> str:
        link = self._venue()
        return link.label.get(self._language) if link else ""

    @Property(str, notify=contentChanged)
    def venueQrSource(self) -> str:
        """The venue's QR code as an image URL QML can show (empty when there is no link)."""
        link = self._venue()
        return (
            # Always dark on white: a phone's camera reads that best, in any mode.
            qr_svg_data_url(link.url, dark=palette(self._content.theme, {}).theme["text"])
            if link
            else ""
        )

    def _venue(self) -> LinkContent | None:
        # The link called "venue" is the online venue; any other link stands in for it.
        links = self._content.links
        return next((link for link in links if link.link_id == "venue"), None) or (
            links[0] if links else None
        )

    @Property(QObject, constant=True)
    def corners(self) -> CornerListModel:
        return self._corners

    # -- where the visitor is

    @Property(str, notify=currentCornerChanged)
    def currentCornerId(self) -> str:
        return self.open_corner_id

    @Property(str, notify=paletteChanged)
    def currentCornerColour(self) -> str:
        return self._palette.corners.get(self._corner.corner_id, "") if self._corner else ""

    @Property(str, notify=currentCornerTextChanged)
    def currentCornerTitle(self) -> str:
        return self._corner.title.get(self._language) if self._corner else ""

    @Property(str, notify=currentCornerTextChanged)
    def currentCornerSummary(self) -> str:
        return self._corner.summary.get(self._language) if self._corner else ""

    @Property(QUrl, notify=currentCornerChanged)
    def currentCornerHeroUrl(self) -> QUrl:
        return self._urls.url(self._corner.hero if self._corner else None)

    @Property(str, notify=currentCornerChanged)
    def currentCornerNumber(self) -> str:
        if self._corner is None:
            return ""
        return f"{self._content.corners.index(self._corner) + 1:02d}"

    @Property(QObject, constant=True)
    def sections(self) -> SectionListModel:
        return self._sections

    @Property(QObject, constant=True)
    def gallery(self) -> GalleryListModel:
        return self._gallery

    # -- the open corner's video

    @Property(QUrl, notify=currentCornerChanged)
    def currentVideoUrl(self) -> QUrl:
        video = self._corner.video if self._corner else None
        return self._urls.url(video.media if video else None)

    @Property(QUrl, notify=currentCornerChanged)
    def currentPosterUrl(self) -> QUrl:
        video = self._corner.video if self._corner else None
        return self._urls.url(video.poster if video else None)

    @Property(CaptionTrack, constant=True)
    def captions(self) -> CaptionTrack:
        """Caption cues of the open corner's video in the current language (else Korean)."""
        return self._captions

    def _update_captions(self) -> None:
        video = self._corner.video if self._corner else None
        track = (video.captions.get(self._language) or video.captions.get("ko")) if video else None
        if track is None:
            self._captions.show(())
            return
        if track.sha256 not in self._cues:
            path = self._urls.path(track)
            self._cues[track.sha256] = read_cues(path) if path else ()
        self._captions.show(self._cues[track.sha256])

    @Slot(str, result=bool)
    def openCorner(self, corner_id: str) -> bool:
        """Open a corner from the home screen; False when one is open or the id is unknown."""
        if self._corner is not None:
            return False
        corner = next((c for c in self._content.corners if c.corner_id == corner_id), None)
        if corner is None:
            return False
        self._corner = corner
        self._sections.replace(corner.sections)
        self._gallery.replace(corner.gallery)
        self._update_captions()
        self.currentCornerChanged.emit()
        self.paletteChanged.emit()
        self.currentCornerTextChanged.emit()
        self.cornerOpened.emit(corner_id)
        return True

    def reset_for_next_visitor(self) -> None:
        """Home, in the package's first language."""
        self.goHome()
        self.set_language(self._content.default_language)

    @Slot()
    def goHome(self) -> None:
        """Back to the home screen (nothing happens when already there)."""
        if self._corner is None:
            return
        self._corner = None
        # The sections and gallery models keep the last corner until the next one opens:
        # the corner view is destroyed later than this signal, and emptying the models
        # under its delegates would make them cancel half-made items.
        self.currentCornerChanged.emit()
        self.paletteChanged.emit()
        self.currentCornerTextChanged.emit()
        self.wentHome.emit()
