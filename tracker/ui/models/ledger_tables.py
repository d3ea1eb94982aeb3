"""The ledger's tables as lazily paged Qt models: contracts, deliveries, retirements and
invalidations (the schedule is in schedule_table.py).

Deliveries awaiting their serials show "serials pending"; rejected deliveries (failed
verification) are drawn greyed and struck through, as they count for nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from tracker.ui import labels, theming
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.badge import critical_badge
from tracker.ui.models.columns import Column, Kind
from tracker.ui.models.lazy_table import Index, LazySqlTableModel


class ContractsModel(LazySqlTableModel):
    """The portfolio list: an "All contracts" row, then one row per contract."""

    primary_table = "contracts"
    view = "contracts"
    tables = frozenset({"contracts", "deliveries", "verifications", "invalidations"})
    extra_keys = ("currency",)
    depends_on_as_of = True
    leading_rows_bold = True
    pages_beside = False  # a short list, shown whole at once

    def __init__(self, store: LedgerStore, parent: QObject | None = None) -> None:
        self.critical_counts: dict[int | None, int] = {}  # contract id (None: all) -> open
        super().__init__(store, parent)

    def build_columns(self) -> list[Column]:
        return [
            Column("reference", self.tr("Contract")),
            Column("supplier", self.tr("Supplier")),
            Column("method", self.tr("Method"), Kind.CHOICE, labels.method_labels()),
            Column("status", self.tr("Status"), Kind.CHOICE, labels.status_labels()),
            Column("tonnes_kg", self.tr("Contracted"), Kind.TONNES),
            Column("delivered_kg", self.tr("Delivered"), Kind.TONNES),
        ]

    def leading_rows(self) -> list[tuple[Any, ...]]:
        return [(None, self.tr("All contracts"), "", "", "", None, None, "")]

    def set_contract(self, contract_id: int | None) -> None:  # the list shows every contract
        return None

    # --- badge on contracts with open critical flags ---------------------------------

    def set_open_critical(self, counts: dict[int, int]) -> None:
        """Mark contracts with open critical flags (contract id -> how many)."""
        shown: dict[int | None, int] = {key: n for key, n in counts.items() if n > 0}
        total = sum(shown.values())
        if total:
            shown[None] = total  # the "All contracts" row: the whole portfolio
        if shown == self.critical_counts:
            return
        self.critical_counts = shown
        if self.rowCount():
            column = self.column_of("reference")
            roles = [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole]
            first, last = self.index(0, column), self.index(self.rowCount() - 1, column)
            self.dataChanged.emit(first, last, roles)

    def open_critical_at(self, row: int) -> int:
        """How many open critical flags the contract on ``row`` has (0 when none)."""
        if not 0 <= row < self.rowCount():
            return 0
        return self.critical_counts.get(self.record_id(row), 0)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        badge_roles = (Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole)
        if role in badge_roles and index.isValid() and index.column() == 0:
            count = self.open_critical_at(index.row())
            if count and role == Qt.ItemDataRole.DecorationRole:
                return QIcon(critical_badge())
            if count:
                return self._badge_tip(index.row(), count)
        return super().data(index, role)

    def _badge_tip(self, row: int, count: int) -> str:
        if self.record_id(row) is None:
            text = self.tr("%n open critical flag(s) in the portfolio", "", count)
        else:
            text = self.tr("%n open critical flag(s): see the Flags tab", "", count)
        return text


class DeliveriesModel(LazySqlTableModel):
    primary_table = "deliveries"
    view = "deliveries"
    tables = frozenset({"contracts", "deliveries", "retirements", "invalidations", "verifications"})

    def build_columns(self) -> list[Column]:
        return [
            Column("contract", self.tr("Contract")),
            Column("delivered_on", self.tr("Delivered on"), Kind.DATE),
            Column("tonnes_kg", self.tr("Tonnes"), Kind.TONNES),
            Column("vintage", self.tr("Vintage"), Kind.NUMBER),
            # what auditors look for first: the serial block and its verification
            Column("serial_block", self.tr("Serial block"), empty=self.tr("serials pending")),
            Column(
                "verification_status",
                self.tr("Verification"),
                Kind.CHOICE,
                labels.verification_labels(),
            ),
            Column("verified_on", self.tr("Verified on"), Kind.DATE),
            Column("registry", self.tr("Registry"), Kind.CHOICE, labels.registry_labels()),
            Column("retired_kg", self.tr("Retired"), Kind.TONNES),
            Column("invalidated_kg", self.tr("Invalidated"), Kind.TONNES),
            Column("transfer_reference", self.tr("Reference")),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and self._rejected(
            index
        ):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(theming.colour("rejected")))
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self._rejected(index):
            return self.tr("Rejected: its verification failed, so it counts as neither "
                           "delivered nor available.")  # fmt: skip
        return super().data(index, role)

    def _rejected(self, index: Index) -> bool:
        return index.isValid() and self.shown_value(index.row(), "verification_status") == "failed"


class InvalidationsModel(LazySqlTableModel):
    """Credits a registry cancelled or drew into a buffer, with the delivery they hit."""

    primary_table = "invalidations"
    view = "invalidations"
    tables = frozenset({"contracts", "deliveries", "invalidations"})

    def build_columns(self) -> list[Column]:
        return [
            Column("contract", self.tr("Contract")),
            Column("invalidated_on", self.tr("Invalidated on"), Kind.DATE),
            Column("tonnes_kg", self.tr("Tonnes"), Kind.TONNES),
            Column("reason", self.tr("Reason"), Kind.CHOICE, labels.invalidation_reason_labels()),
            Column("serial_block", self.tr("Serial block"), empty=self.tr("by quantity")),
            Column("delivery", self.tr("Delivery")),
            Column("registry_reference", self.tr("Registry reference")),
            Column("note", self.tr("Note")),
        ]


class RetirementsModel(LazySqlTableModel):
    primary_table = "retirements"
    view = "retirements"
    tables = frozenset({"contracts", "deliveries", "retirements"})

    def build_columns(self) -> list[Column]:
        return [
            Column("contract", self.tr("Contract")),
            Column("retired_on", self.tr("Retired on"), Kind.DATE),
            Column("tonnes_kg", self.tr("Tonnes"), Kind.TONNES),
            # what an auditor checks first: which serials were retired, for which claim period
            Column("serial_block", self.tr("Serial block"), empty=self.tr("serials pending")),
            Column("claim_start", self.tr("Claim from"), Kind.DATE),
            Column("claim_end", self.tr("Claim to"), Kind.DATE),
            Column("beneficiary", self.tr("Beneficiary")),
            Column("purpose", self.tr("Purpose"), Kind.CHOICE, labels.purpose_labels()),
            Column("registry_reference", self.tr("Registry reference")),
        ]
