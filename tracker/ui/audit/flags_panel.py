"""The Flags tab: every flag by severity, with counts, review status and acknowledgement.

The flags are shown through ``FlagListModel`` in a table view, which draws only the rows
on screen: a hundred thousand flags refresh in a fraction of a second.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.errors import TrackerError
from tracker.domain.flags import Severity
from tracker.services.audit.review import (
    FlagStatus,
    ReviewedFlag,
    acknowledge,
    counts_by_severity,
    reviewed_flags,
)
from tracker.ui import messages, numbers
from tracker.ui.audit.acknowledge_dialog import AcknowledgeDialog
from tracker.ui.audit.flags_model import (
    CONTRACT,
    FLAG_ROLE,
    HEADING_ROLE,
    MESSAGE,
    RULE,
    STATUS,
    SUBJECT,
    FlagListModel,
    severity_colour,
    status_names,
)
from tracker.ui.audit.rule_labels import rule_label
from tracker.ui.audit.watcher import FlagWatcher
from tracker.ui.fit_columns import ColumnFitter
from tracker.ui.ledger_store import LedgerStore

__all__ = ["FLAG_ROLE", "HEADING_ROLE", "FlagsPanel", "readable_time", "severity_colour"]


def readable_time(stamp: str) -> str:
    """'2026-11-29T01:26:51Z' -> '11/29/2026 01:26 UTC' (the window's date format)."""
    return numbers.moment(stamp)


CONTRACT_COLUMN = CONTRACT
# Every column as wide as its text while they all fit.  Else they give way in this order
# (a cut text shows whole in its tooltip and below the table): the message first, then a
# long subject (a serial block; a dated subject such as "tranche due 12/31/2025" stays
# whole), then the rule and the contract, each down to a floor; the message, which takes
# any width left over, keeps at least about a third of a 1280 px window's table.
GIVE_WAY = (
    (MESSAGE, 360), (SUBJECT, 240), (MESSAGE, 300), (RULE, 160), (SUBJECT, 200),
    (CONTRACT, 130), (MESSAGE, 260), (RULE, 140), (CONTRACT, 110), (SUBJECT, 170),
    (MESSAGE, 200), (RULE, 120), (CONTRACT, 90), (SUBJECT, 140), (MESSAGE, 140),
    (STATUS, 60), (SUBJECT, 100), (MESSAGE, 80),
)  # fmt: skip


class FlagsPanel(QWidget):
    """Flags for the portfolio, or one contract after ``set_contract``.

    ``navigate(table, record_id)`` is emitted on double-click; ``flags_updated``
    carries the reviewed flags after each refresh so the window can reuse them
    (badges, overview counts, chart markers) without evaluating the rules again.

    Given a :class:`FlagWatcher`, the panel shows the watcher's portfolio flags
    (filtered to the contract in view) instead of evaluating the rules itself.
    """

    navigate = Signal(str, int)
    flags_updated = Signal(object)  # list[ReviewedFlag]

    def __init__(
        self,
        store: LedgerStore,
        parent: QWidget | None = None,
        watcher: FlagWatcher | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.watcher = watcher
        self.contract_id: int | None = None
        self.reviewed: list[ReviewedFlag] = []
        self.dialog: AcknowledgeDialog | None = None
        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.setWordWrap(True)  # wraps on a narrow window instead of widening it
        self.show_acknowledged = QCheckBox(self.tr("Show acknowledged"))
        self.show_acknowledged.setChecked(True)
        self.show_acknowledged.setAccessibleDescription(
            self.tr("Unticked: hides the flags already acknowledged")
        )
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"))
        self.acknowledge_button.setEnabled(False)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter flags"))
        self.filter.setAccessibleName(self.tr("Filter the audit flags"))
        self.filter.setAccessibleDescription(
            self.tr("Shows the flags that contain this text in any column or rule code")
        )
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(220)
        self.model = FlagListModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Audit flags"))
        self.view.setAccessibleDescription(
            self.tr("Grouped by severity; click a header to sort within each group.")
        )
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 8)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns = ColumnFitter(self.view, give_way=GIVE_WAY, growing=[MESSAGE])
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(64)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setFrameShape(QLabel.Shape.StyledPanel)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.filter)
        top.addWidget(self.show_acknowledged)
        top.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.show_acknowledged.toggled.connect(self.model.set_show_acknowledged)
        self.filter.textChanged.connect(self.model.set_filter)
        self.model.modelReset.connect(self._rows_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.doubleClicked.connect(self._double_clicked)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self._fill_when_shown = False  # flags came while another tab was in view
        if watcher is not None:
            watcher.updated.connect(lambda _reviewed: self.refresh())
        else:
            store.changed.connect(lambda _changes: self.refresh())
            store.reset.connect(self.refresh)
            store.as_of_changed.connect(lambda _day: self.refresh())
        self.refresh()

    def set_contract(self, contract_id: int | None) -> None:
        self.contract_id = contract_id
        # one contract in view: its reference is in every row, so leave the column out
        self.view.setColumnHidden(CONTRACT_COLUMN, contract_id is not None)
        self.refresh()

    def fit_columns(self) -> None:
        """Each column as wide as its text while they fit, else narrowed in the order of
        ``GIVE_WAY``; the message takes the rest.  Cut text shows whole in the tooltip and
        below the table."""
        self.columns.fit()

    def refresh(self) -> None:
        if self.watcher is not None:
            self.reviewed = self.watcher.for_contract(self.contract_id)
        else:
            self.reviewed = reviewed_flags(self.store.db, self.store.as_of, self.contract_id)
        if self._behind_another_tab():
            self._fill_when_shown = True  # a large portfolio's rows are sorted when shown
        else:
            self._fill()
        self.flags_updated.emit(self.reviewed)

    def showEvent(self, event: QShowEvent) -> None:
        self.catch_up()
        super().showEvent(event)

    def _behind_another_tab(self) -> bool:
        """Whether the window is open on another tab (this one hidden in it)."""
        return self.window() is not self and self.window().isVisible() and not self.isVisible()

    def catch_up(self) -> None:
        """Fill the table with the flags that came while another tab was in view (as
        showing the tab does)."""
        if self._fill_when_shown:
            self._fill_when_shown = False
            self._fill()

    def _fill(self) -> None:
        if self.watcher is not None:  # counted with the flags, on the worker
            open_counts = self.watcher.digest.counts(self.contract_id)
            all_counts = self.watcher.digest.counts(self.contract_id, open_only=False)
        else:
            open_counts = counts_by_severity(self.reviewed)
            all_counts = counts_by_severity(self.reviewed, open_only=False)
        self.counts.setText(self._counts_text(open_counts))
        titles = {
            severity: self.tr("{severity} — {open} open of {total}").format(
                severity=self._severity_name(severity),
                open=open_counts[severity],
                total=all_counts[severity],
            )
            for severity in Severity
        }
        self.model.set_flags(self.reviewed, titles)

    def _rows_changed(self) -> None:
        """Headings span the whole width; the selection went with the old rows."""
        self.view.clearSpans()
        for row in self.model.heading_rows():
            self.view.setSpan(row, 0, 1, self.model.columnCount())
        self._selection_changed()

    def flag_rows(self) -> list[int]:
        """The rows that show a flag (not a heading), top to bottom."""
        self.catch_up()
        return [r for r in range(self.model.rowCount()) if self.model.flag_at(r) is not None]

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected row (as a click would)."""
        self.catch_up()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _counts_text(self, counts: dict[Severity, int]) -> str:
        parts = [
            f"<span style='color:{severity_colour(s)}'><b>{counts[s]}</b> "
            f"{self._severity_name(s)}</span>"
            for s in Severity
        ]
        return self.tr("Open flags as of {date}: {counts}").format(
            date=numbers.day(self.store.as_of), counts=" · ".join(parts)
        )

    def _severity_name(self, severity: Severity) -> str:
        return {
            Severity.CRITICAL: self.tr("Critical"),
            Severity.HIGH: self.tr("High"),
            Severity.WARN: self.tr("Warning"),
            Severity.INFO: self.tr("Info"),
        }[severity]

    def _status_name(self, status: FlagStatus) -> str:
        return status_names()[status]

    def selected(self) -> ReviewedFlag | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.flag_at(rows[0].row()) if rows else None

    def _selection_changed(self, *_: QItemSelection) -> None:
        chosen = self.selected()
        self.acknowledge_button.setEnabled(chosen is not None and chosen.is_open)
        self.detail.setText(self._detail_text(chosen))

    def _detail_text(self, chosen: ReviewedFlag | None) -> str:
        if chosen is None:
            return self.tr("Select a flag to see it in full; double-click to go to the record.")
        f = chosen.flag
        text = self.tr("{rule} ({severity}) — {contract}, {subject}\n{message}").format(
            rule=f"{rule_label(f.rule)} [{f.rule}]",
            severity=self._severity_name(f.severity),
            contract=f.contract,
            subject=messages.subject(f),
            message=messages.finding(f),
        )
        if chosen.acknowledged_by:
            note = (
                self.tr("Acknowledged by {who} on {when}: {why}")
                if chosen.status is FlagStatus.ACKNOWLEDGED
                else self.tr(
                    "Reopened: the numbers changed since {who} acknowledged it on {when} ({why})"
                )
            )
            text += "\n" + note.format(
                who=chosen.acknowledged_by,
                when=readable_time(chosen.acknowledged_on),
                why=chosen.reason,
            )
        return text

    def _double_clicked(self, index: QModelIndex) -> None:
        reviewed = self.model.flag_at(index.row())
        if reviewed is None:
            return
        f = reviewed.flag
        if f.subject_table and f.subject_id is not None:
            self.navigate.emit(f.subject_table, f.subject_id)

    def acknowledge_selected(self) -> None:
        """Open the reason dialog for the selected flag (window-modal, not blocking)."""
        chosen = self.selected()
        if chosen is None:
            return
        self.dialog = AcknowledgeDialog(chosen.flag, self)
        self.dialog.accepted.connect(self._acknowledged)
        self.dialog.open()

    def _acknowledged(self) -> None:
        dialog = self.dialog
        assert dialog is not None
        try:
            changes = acknowledge(self.store.db, dialog.flag, dialog.reason_text())
        except TrackerError as exc:
            QMessageBox.warning(self, self.tr("Flag not acknowledged"), messages.error(exc))
            return
        self.store.notify(changes)
