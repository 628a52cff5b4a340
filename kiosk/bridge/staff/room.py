"""The staff side handed to QML as one value: the way in and each page's object. It holds
them and nothing else; ``kiosk.composition`` makes and wires them."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME
from kiosk.bridge.opening_hours import OpeningHoursWatch
from kiosk.bridge.sound import Sound
from kiosk.bridge.staff.access import StaffAccess
from kiosk.bridge.staff.content_page import ContentPage
from kiosk.bridge.staff.export_page import ExportPage
from kiosk.bridge.staff.outcome import StaffOutcome
from kiosk.bridge.staff.screen_page import ScreenPage
from kiosk.bridge.staff.show_page import ShowPage
from kiosk.bridge.staff.status_page import StatusPage
from kiosk.bridge.staff.today_page import TodayPage

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "StaffPages", "StaffRoom"]


@dataclass(frozen=True)
class StaffPages:
    """The staff side's objects, for Python (QML reads them through ``StaffRoom``)."""

    access: StaffAccess
    outcome: StaffOutcome
    status: StatusPage
    content: ContentPage
    today: TodayPage
    export: ExportPage
    sound: Sound
    screen: ScreenPage
    show: ShowPage
    hours: OpeningHoursWatch

    def all(self) -> list[QObject]:
        return [getattr(self, name.name) for name in fields(self)]


@QmlElement
@QmlUncreatable("The staff room is made by the application.")
class StaffRoom(QObject):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Everything behind the staff PIN, one property per page."""

    def __init__(self, pages: StaffPages, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pages = pages

    @Property(StaffAccess, constant=True)
    def access(self) -> StaffAccess:
        return self.pages.access

    @Property(StaffOutcome, constant=True)
    def outcome(self) -> StaffOutcome:
        return self.pages.outcome

    @Property(StatusPage, constant=True)
    def status(self) -> StatusPage:
        return self.pages.status

    @Property(ContentPage, constant=True)
    def content(self) -> ContentPage:
        return self.pages.content

    @Property(TodayPage, constant=True)
    def today(self) -> TodayPage:
        return self.pages.today

    @Property(ExportPage, constant=True)
    def statsExport(self) -> ExportPage:
        return self.pages.export

    @Property(Sound, constant=True)
    def sound(self) -> Sound:
        """The kiosk's sound, which visitors hear: staff set it here."""
        return self.pages.sound

    @Property(OpeningHoursWatch, constant=True)
    def hours(self) -> OpeningHoursWatch:
        """The opening hours, which staff may override for today."""
        return self.pages.hours

    @Property(ScreenPage, constant=True)
    def screen(self) -> ScreenPage:
        return self.pages.screen

    @Property(ShowPage, constant=True)
    def show(self) -> ShowPage:
        return self.pages.show
