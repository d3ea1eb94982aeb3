"""The Flags view's model: a heading per severity and the flags under it, in one list.

A portfolio of a million deliveries raises a hundred thousand flags and more; one item
widget per flag took seconds to build on every refresh.  This model keeps the reviewed
flags as the watcher delivered them and shows them through a table view, which asks only
for the rows on screen: a row's words are made when it is drawn.  Sorting and the filter
rebuild one list of references (severity headings first in severity order, whatever the
column), never widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from tracker.domain.flags import Severity
from tracker.services.audit.review import FlagStatus, ReviewedFlag
from tracker.ui import messages, numbers, theming
from tracker.ui.audit.rule_labels import rule_label

Index = QModelIndex | QPersistentModelIndex

FLAG_ROLE = Qt.ItemDataRole.UserRole + 1  # the ReviewedFlag of a flag row
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2  # the Severity of a heading row
RULE, CONTRACT, SUBJECT, STATUS, MESSAGE = range(5)


def severity_colour(severity: Severity) -> str:
    """The severity's colour in the current scheme (AA contrast on light and dark)."""
    return theming.colour(severity.value)


def status_names() -> dict[FlagStatus, str]:
    return {
        FlagStatus.OPEN: QCoreApplication.translate("FlagsPanel", "Open"),
        FlagStatus.ACKNOWLEDGED: QCoreApplication.translate("FlagsPanel", "Acknowledged"),
        FlagStatus.REOPENED: QCoreApplication.translate("FlagsPanel", "Reopened"),
    }


class _Placeholder:
    """The one row shown when there is no flag at all."""


PLACEHOLDER = _Placeholder()
Row = Severity | ReviewedFlag | _Placeholder


class FlagListModel(QAbstractTableModel):
    """Severity headings (``HEADING_ROLE``) with their flags (``FLAG_ROLE``) below."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reviewed: list[ReviewedFlag] = []
        self.titles: dict[Severity, str] = {}
        self.show_acknowledged = True
        self.filter_text = ""
        self.sort_column, self.sort_order = RULE, Qt.SortOrder.AscendingOrder
        self._rows: list[Row] = []
        self._worded: dict[int, tuple[str, str]] = {}  # id(flag) -> subject, finding
        self._sort_keys: dict[int, tuple[str, str]] = {}  # the same with ISO dates
        self._rule_labels: dict[str, str] = {}  # rule code -> its label in the window
        self._typed_day = ""  # the filter as an ISO date, when it is a whole date
        self._statuses = status_names()
        self._headers = [
            QCoreApplication.translate("FlagsPanel", "Rule"),
            QCoreApplication.translate("FlagsPanel", "Contract"),
            QCoreApplication.translate("FlagsPanel", "Subject"),
            QCoreApplication.translate("FlagsPanel", "Status"),
            QCoreApplication.translate("FlagsPanel", "Message"),
        ]
        self.placeholder = QCoreApplication.translate("FlagsPanel", "No flags as of this date.")

    # --- what the panel sets ------------------------------------------------------------

    def set_flags(self, reviewed: Sequence[ReviewedFlag], titles: dict[Severity, str]) -> None:
        self.reviewed, self.titles = list(reviewed), dict(titles)
        self._worded = {}  # worded again in the language of the day, when first asked
        self._sort_keys = {}
        self._rule_labels = {}  # a few rules name a hundred thousand flags: each worded once
        self._rebuild()

    def set_show_acknowledged(self, shown: bool) -> None:
        if shown != self.show_acknowledged:
            self.show_acknowledged = shown
            self._rebuild()

    def set_filter(self, text: str) -> None:
        """Keep the flags with ``text`` in any column or in the rule's code."""
        wanted = text.strip().casefold()
        if wanted != self.filter_text:
            self.filter_text = wanted
            typed = numbers.parse_day(wanted)
            self._typed_day = typed.isoformat() if typed is not None else ""
            self._rebuild()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the flags within each severity by ``column``; headings keep their order."""
        self.sort_column, self.sort_order = column, order
        self._rebuild()

    # --- what the panel reads -----------------------------------------------------------

    def heading_rows(self) -> list[int]:
        """Rows spanning every column: the severity headings (and the placeholder)."""
        return [r for r, row in enumerate(self._rows) if not isinstance(row, ReviewedFlag)]

    def flag_at(self, row: int) -> ReviewedFlag | None:
        found = self._rows[row] if 0 <= row < len(self._rows) else None
        return found if isinstance(found, ReviewedFlag) else None

    def row_of(self, wanted: Callable[[ReviewedFlag], bool]) -> int | None:
        """The first row whose flag ``wanted`` accepts."""
        return next(
            (
                r
                for r, row in enumerate(self._rows)
                if isinstance(row, ReviewedFlag) and wanted(row)
            ),
            None,
        )

    def text(self, reviewed: ReviewedFlag, column: int) -> str:
        f = reviewed.flag
        if column == RULE:
            label = self._rule_labels.get(f.rule)
            if label is None:
                label = self._rule_labels[f.rule] = rule_label(f.rule)
            return label
        if column == CONTRACT:
            return f.contract
        if column == SUBJECT:
            return self._words(reviewed)[0]
        if column == STATUS:
            return self._statuses[reviewed.status]
        return self._words(reviewed)[1]

    def sort_key(self, reviewed: ReviewedFlag, column: int) -> str:
        """What ``column`` sorts by: its text, with the subject's and finding's dates as
        ISO (so the same wording orders by date, whatever the window's date format)."""
        if column not in (SUBJECT, MESSAGE):
            return self.text(reviewed, column)
        found = self._sort_keys.get(id(reviewed.flag))
        if found is None:
            f = reviewed.flag
            found = (messages.sort_text(f.topic), messages.sort_text(f.finding))
            self._sort_keys[id(f)] = found
        return found[0] if column == SUBJECT else found[1]

    def _words(self, reviewed: ReviewedFlag) -> tuple[str, str]:
        """The flag's subject and finding in the window's language, worded once."""
        found = self._worded.get(id(reviewed.flag))
        if found is None:
            f = reviewed.flag
            found = self._worded[id(f)] = (messages.subject(f), messages.finding(f))
        return found

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], ReviewedFlag):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.ItemIsEnabled

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if isinstance(row, ReviewedFlag):
            return self._flag_data(row, column, role)
        if isinstance(row, Severity):
            return self._heading_data(row, column, role)
        if role == Qt.ItemDataRole.DisplayRole and column == RULE:
            return self.placeholder
        return None

    def _flag_data(self, reviewed: ReviewedFlag, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(reviewed, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == RULE:  # the code too, as CSV files and the command line name it
                return f"{rule_label(reviewed.flag.rule)} ({reviewed.flag.rule})"
            return self.text(reviewed, column)
        if role == FLAG_ROLE:
            return reviewed
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == STATUS
            and reviewed.status is FlagStatus.REOPENED
        ):
            return QBrush(QColor(severity_colour(Severity.CRITICAL)))
        return None

    def _heading_data(self, severity: Severity, column: int, role: int) -> Any:
        if role == HEADING_ROLE:
            return severity
        if column != RULE:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.titles.get(severity, severity.value)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(severity_colour(severity)))
        return None

    # --- internals ----------------------------------------------------------------------

    def _matches(self, reviewed: ReviewedFlag) -> bool:
        wanted = self.filter_text
        f = reviewed.flag
        texts = [self.text(reviewed, c) for c in range(len(self._headers))]
        texts.append(f.rule)
        days = messages.days(f.topic) + messages.days(f.finding)  # ISO, as typed or stored
        if self._typed_day and self._typed_day in days:
            return True
        return any(wanted in t.casefold() for t in [*texts, *days])

    def _rebuild(self) -> None:
        self.beginResetModel()
        try:
            shown = [
                r for r in self.reviewed
                if self.show_acknowledged or r.status is not FlagStatus.ACKNOWLEDGED
            ]  # fmt: skip
            rows: list[Row] = [] if shown else [PLACEHOLDER]
            if self.filter_text:
                shown = [r for r in shown if self._matches(r)]
            column = self.sort_column
            key: Callable[[ReviewedFlag], str] = lambda r: self.sort_key(r, column)  # noqa: E731
            ordered = sorted(
                shown, key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder
            )
            groups: dict[Severity, list[ReviewedFlag]] = {s: [] for s in Severity}
            for reviewed in ordered:
                groups[reviewed.flag.severity].append(reviewed)
            for severity, group in groups.items():
                if group:
                    rows.append(severity)
                    rows.extend(group)
            self._rows = rows
        finally:
            self.endResetModel()
