"""The ledger's tables as lazily paged Qt models: contracts, deliveries, retirements and
invalidations (the schedule is in schedule_table.py).

Deliveries awaiting their serials show "serials pending"; rejected deliveries (failed
verification) are drawn greyed and struck through, as they count for nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon

from tracker.store import lifecycle
from tracker.ui import labels, theming
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.badge import critical_badge
from tracker.ui.models.columns import Column, Kind
from tracker.ui.models.lazy_table import Index, LazySqlTableModel

_CONTRACT_FILTER = "(:contract_id is null or {alias}.contract_id = :contract_id)"
# The contract's reference by a lookup per row rather than a join: with a join SQLite walks
# the large table through its contract index (a table seek per row), which makes a sorted
# page over a million deliveries take seconds instead of a fraction of one.
_CONTRACT_REFERENCE = "(select c.reference from contracts c where c.id = {alias}.contract_id)"
# Accepted (not rejected), not invalidated tonnes delivered to the contract by the as-of date.
_ACCEPTED_KG = (
    f"(select coalesce(sum(d.tonnes_kg - {lifecycle.INVALIDATED_AS_OF}), 0) from deliveries d "
    f"where d.contract_id = c.id and d.delivered_on <= :as_of "
    f"and {lifecycle.STATUS_AS_OF} != 'failed')"
)


class ContractsModel(LazySqlTableModel):
    """The portfolio list: an "All contracts" row, then one row per contract."""

    primary_table = "contracts"
    tables = frozenset({"contracts", "deliveries", "verifications", "invalidations"})
    extra_keys = ("currency",)
    depends_on_as_of = True
    leading_rows_bold = True

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

    def select_sql(self) -> str:
        return (
            "select c.id, c.reference, c.supplier, c.method, c.status, c.tonnes_kg, c.currency, "
            f"{_ACCEPTED_KG} as delivered_kg from contracts c"
        )

    def leading_rows(self) -> list[tuple[Any, ...]]:
        return [(None, self.tr("All contracts"), "", "", "", None, None, "")]

    def set_contract(self, contract_id: int | None) -> None:  # the list shows every contract
        return None

    # --- badge on contracts with open critical flags ---------------------------------

    def set_open_critical(self, counts: dict[int, int]) -> None:
        """Mark contracts with open critical flags (contract id -> how many)."""
        shown = {key: n for key, n in counts.items() if n > 0}
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

    def select_sql(self) -> str:
        return (
            f"select d.id, {_CONTRACT_REFERENCE.format(alias='d')} as contract, "
            "d.delivered_on, d.tonnes_kg, d.vintage, "
            "d.registry, d.serial_block, d.verification_status, d.verified_on, "
            "(select coalesce(sum(r.tonnes_kg), 0) from retirements r "
            " where r.delivery_id = d.id) as retired_kg, "
            "(select coalesce(sum(i.tonnes_kg), 0) from invalidations i "
            " where i.delivery_id = d.id) as invalidated_kg, "
            "d.reference as transfer_reference "
            "from deliveries d "
            f"where {_CONTRACT_FILTER.format(alias='d')}"
        )

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
        return index.isValid() and self.raw(index.row(), "verification_status") == "failed"


class InvalidationsModel(LazySqlTableModel):
    """Credits a registry cancelled or drew into a buffer, with the delivery they hit."""

    primary_table = "invalidations"
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

    def select_sql(self) -> str:
        return (
            f"select i.id, {_CONTRACT_REFERENCE.format(alias='i')} as contract, "
            "i.invalidated_on, i.tonnes_kg, i.reason, i.serial_block, "
            "(select coalesce(d.serial_block, d.reference || ' (serials pending)') "
            " from deliveries d where d.id = i.delivery_id) as delivery, "
            "i.registry_reference, i.note "
            "from invalidations i "
            f"where {_CONTRACT_FILTER.format(alias='i')}"
        )


class RetirementsModel(LazySqlTableModel):
    primary_table = "retirements"
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

    def select_sql(self) -> str:
        return (
            f"select r.id, {_CONTRACT_REFERENCE.format(alias='r')} as contract, "
            "r.retired_on, r.tonnes_kg, r.serial_block, "
            "r.beneficiary, r.purpose, r.claim_start, r.claim_end, r.registry_reference "
            "from retirements r "
            f"where {_CONTRACT_FILTER.format(alias='r')}"
        )
