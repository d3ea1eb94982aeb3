"""The Flags tab: every flag by severity, with counts, review status and acknowledgement."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
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
from tracker.ui import messages, theming
from tracker.ui.audit.acknowledge_dialog import AcknowledgeDialog
from tracker.ui.audit.rule_labels import rule_label
from tracker.ui.audit.watcher import FlagWatcher
from tracker.ui.ledger_store import LedgerStore


def readable_time(stamp: str) -> str:
    """'2026-11-29T01:26:51Z' -> '2026-11-29 01:26 UTC'."""
    if stamp.endswith("Z") and "T" in stamp:
        return f"{stamp[:10]} {stamp[11:16]} UTC"
    return stamp


def severity_colour(severity: Severity) -> str:
    """The severity's colour in the current scheme (AA contrast on light and dark)."""
    return theming.colour(severity.value)


FLAG_ROLE = Qt.ItemDataRole.UserRole + 1
CONTRACT_COLUMN = 1
# Widest the rule, contract, subject and status columns are fitted to: the message (the
# finding itself) gets the rest of the width.
COLUMN_LIMITS = (190, 140, 160, 110)


class _GroupItem(QTreeWidgetItem):
    """A severity heading: groups stay in severity order whatever column is sorted."""

    def __init__(self, title: str, rank: int) -> None:
        super().__init__([title])
        self.rank = rank

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        tree = self.treeWidget()
        descending = tree is not None and (
            tree.header().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        )
        rank = getattr(other, "rank", 99)
        # descending sorts call other < self: answer so that critical still comes first
        return rank < self.rank if descending else self.rank < rank


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
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"))
        self.acknowledge_button.setEnabled(False)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter flags"))
        self.filter.setAccessibleName(self.tr("Filter the audit flags"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(220)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Audit flags"))
        self.tree.setAccessibleDescription(
            self.tr("Grouped by severity; click a header to sort within each group.")
        )
        self.tree.setHeaderLabels(
            [self.tr("Rule"), self.tr("Contract"), self.tr("Subject"), self.tr("Status"),
             self.tr("Message")]
        )  # fmt: skip
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.tree.setSortingEnabled(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._columns_fitted = False
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
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        self.show_acknowledged.toggled.connect(self._fill)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree.itemSelectionChanged.connect(self._selection_changed)
        self.tree.itemDoubleClicked.connect(self._double_clicked)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
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
        self.tree.setColumnHidden(CONTRACT_COLUMN, contract_id is not None)
        self._columns_fitted = False
        self.refresh()

    def fit_columns(self) -> None:
        """Rule, contract, subject and status as wide as their text (within limits); the
        message takes the rest.  Cut text shows in full in the tooltip and below."""
        for column, limit in enumerate(COLUMN_LIMITS):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column) + 8, limit))
        self._columns_fitted = True

    def refresh(self) -> None:
        if self.watcher is not None:
            self.reviewed = self.watcher.for_contract(self.contract_id)
        else:
            self.reviewed = reviewed_flags(self.store.db, self.store.as_of, self.contract_id)
        self._fill()
        self.flags_updated.emit(self.reviewed)

    def _fill(self) -> None:
        self.tree.clear()
        shown = [
            r for r in self.reviewed
            if self.show_acknowledged.isChecked() or r.status is not FlagStatus.ACKNOWLEDGED
        ]  # fmt: skip
        open_counts = counts_by_severity(self.reviewed)
        all_counts = counts_by_severity(self.reviewed, open_only=False)
        self.counts.setText(self._counts_text(open_counts))
        for severity in Severity:
            group = [r for r in shown if r.flag.severity is severity]
            if not group:
                continue
            title = self.tr("{severity} — {open} open of {total}").format(
                severity=self._severity_name(severity),
                open=open_counts[severity],
                total=all_counts[severity],
            )
            parent = _GroupItem(title, severity.rank)
            font = QFont(parent.font(0))
            font.setBold(True)
            parent.setFont(0, font)
            parent.setForeground(0, QBrush(QColor(severity_colour(severity))))
            parent.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(parent)
            for reviewed in group:
                parent.addChild(self._item(reviewed))
            parent.setExpanded(True)
        if not shown:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("No flags as of this date.")]))
        elif not self._columns_fitted:
            self.fit_columns()
        self._apply_filter()
        self._selection_changed()

    def _apply_filter(self) -> None:
        """Show the flags whose text (any column, or the rule's code) contains the filter."""
        wanted = self.filter.text().strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for c in range(group.childCount()):
                item = group.child(c)
                texts = [item.text(i) for i in range(item.columnCount())]
                texts.append(item.toolTip(0))
                shown = not wanted or any(wanted in t.casefold() for t in texts)
                item.setHidden(not shown)
                visible += shown
            group.setHidden(group.childCount() > 0 and visible == 0)

    def _item(self, reviewed: ReviewedFlag) -> QTreeWidgetItem:
        f = reviewed.flag
        label = rule_label(f.rule)
        item = QTreeWidgetItem(
            [
                label,
                f.contract,
                messages.subject(f),
                self._status_name(reviewed.status),
                messages.finding(f),
            ]
        )
        item.setData(0, FLAG_ROLE, reviewed)
        for column in range(item.columnCount()):
            item.setToolTip(column, item.text(column))
        item.setToolTip(0, f"{label} ({f.rule})")  # the code, as CSV and the CLI name it
        if reviewed.status is FlagStatus.REOPENED:
            item.setForeground(3, QBrush(QColor(severity_colour(Severity.CRITICAL))))
        return item

    def _counts_text(self, counts: dict[Severity, int]) -> str:
        parts = [
            f"<span style='color:{severity_colour(s)}'><b>{counts[s]}</b> "
            f"{self._severity_name(s)}</span>"
            for s in Severity
        ]
        return self.tr("Open flags as of {date}: {counts}").format(
            date=self.store.as_of.isoformat(), counts=" · ".join(parts)
        )

    def _severity_name(self, severity: Severity) -> str:
        return {
            Severity.CRITICAL: self.tr("Critical"),
            Severity.HIGH: self.tr("High"),
            Severity.WARN: self.tr("Warning"),
            Severity.INFO: self.tr("Info"),
        }[severity]

    def _status_name(self, status: FlagStatus) -> str:
        return {
            FlagStatus.OPEN: self.tr("Open"),
            FlagStatus.ACKNOWLEDGED: self.tr("Acknowledged"),
            FlagStatus.REOPENED: self.tr("Reopened"),
        }[status]

    def selected(self) -> ReviewedFlag | None:
        items = self.tree.selectedItems()
        return items[0].data(0, FLAG_ROLE) if items else None

    def _selection_changed(self) -> None:
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

    def _double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        reviewed: ReviewedFlag | None = item.data(0, FLAG_ROLE)
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
            QMessageBox.warning(self, self.tr("Flag not acknowledged"), str(exc))
            return
        self.store.notify(changes)
