"""A read-only list model of frozen dataclass records, for lists a page shows as a whole
(found packages, today's corners, language shares).

The roles are the record's fields, camelCase (``dwell_seconds`` → ``dwellSeconds``), in
field order; a new list replaces the old one between ``beginResetModel`` and
``endResetModel``. For lists whose rows keep state in their delegates (the content's
corners and sections) see ``kiosk.bridge.models``, which updates rows in place instead.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    Property,
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.bridge import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME

__all__ = ["QML_IMPORT_MAJOR_VERSION", "QML_IMPORT_NAME", "RecordListModel"]

Record = TypeVar("Record")
_Index = QModelIndex | QPersistentModelIndex


def camel_case(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


@QmlElement
@QmlUncreatable("Record lists are made by the pages that show them.")
class RecordListModel(QAbstractListModel, Generic[Record]):  # type: ignore[operator]  # PySide6's stubs call QmlUncreatable a class
    """Rows of one dataclass type; ``count`` for QML bindings that need only the size."""

    countChanged = Signal()

    def __init__(self, record_type: type[Record], parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not dataclasses.is_dataclass(record_type):
            raise TypeError(f"{record_type.__name__} is not a dataclass")
        self._fields = [field.name for field in dataclasses.fields(record_type)]
        self._rows: list[Record] = []

    def replace(self, rows: Sequence[Record]) -> None:
        """Show ``rows`` instead (nothing changes, and nothing is emitted, when equal)."""
        if list(rows) == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.countChanged.emit()

    def rows(self) -> list[Record]:
        return list(self._rows)

    @Property(int, notify=countChanged)
    def count(self) -> int:
        return len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        first = int(Qt.ItemDataRole.UserRole) + 1
        return {
            first + i: QByteArray(camel_case(name).encode()) for i, name in enumerate(self._fields)
        }

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        field = role - int(Qt.ItemDataRole.UserRole) - 1
        if not 0 <= field < len(self._fields):
            return None
        return getattr(self._rows[index.row()], self._fields[field])
