"""The ledger's tables as lazily paged Qt models: contracts, schedule, deliveries, retirements."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from tracker.services.schedule import schedule_for
from tracker.ui import labels
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.badge import critical_badge
from tracker.ui.models.columns import Column, Kind
from tracker.ui.models.lazy_table import LazySqlTableModel

_CONTRACT_FILTER = "(:contract_id is null or {alias}.contract_id = :contract_id)"
# The contract's reference by a lookup per row rather than a join: with a join SQLite walks
# the large table through its contract index (a table seek per row), which makes a sorted
# page over a million deliveries take seconds instead of a fraction of one.
_CONTRACT_REFERENCE = "(select c.reference from contracts c where c.id = {alias}.contract_id)"


class ContractsModel(LazySqlTableModel):
    """The portfolio list: an "All contracts" row, then one row per contract."""

    primary_table = "contracts"
    tables = frozenset({"contracts", "deliveries"})
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
            "(select coalesce(sum(d.tonnes_kg), 0) from deliveries d "
            " where d.contract_id = c.id and d.delivered_on <= :as_of) as delivered_kg "
            "from contracts c"
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


class ScheduleModel(LazySqlTableModel):
    """Tranches; a contract without tranches shows its even schedule (not editable)."""

    primary_table = "tranches"
    tables = frozenset({"contracts", "tranches"})
    extra_keys = ("currency",)

    def build_columns(self) -> list[Column]:
        return [
            Column("contract", self.tr("Contract")),
            Column("due_on", self.tr("Due on"), Kind.DATE),
            Column("tonnes_kg", self.tr("Tonnes"), Kind.TONNES),
            Column("vintage", self.tr("Vintage"), Kind.NUMBER),
            Column("price", self.tr("Price"), Kind.PRICE),  # the tranche's, else the contract's
            Column("source", self.tr("Source")),
        ]

    def select_sql(self) -> str:
        source = self.tr("Tranche").replace("'", "''")
        return (
            f"select t.id, c.reference as contract, t.due_on, t.tonnes_kg, t.vintage, "
            f"coalesce(t.price, c.price) as price, c.currency, '{source}' as source "
            "from tranches t join contracts c on c.id = t.contract_id "
            f"where {_CONTRACT_FILTER.format(alias='t')}"
        )

    def note(self) -> str:
        if self._rows and self._rows[0][0] is None:
            return self.tr("No tranches: the even schedule over the term is shown")
        return ""

    def leading_rows(self) -> list[tuple[Any, ...]]:
        if self.contract_id is None:
            return []
        stored = self.store.db.execute(
            "select count(*) from tranches where contract_id = ?", [self.contract_id]
        ).fetchone()[0]
        if stored:
            return []
        found = self.store.db.execute(
            "select reference, price, currency from contracts where id = ?", [self.contract_id]
        ).fetchone()
        if found is None:  # the contract was just deleted
            return []
        reference, price, currency = found
        even = self.tr("Even schedule")
        return [
            (None, reference, t.due_on.isoformat(), t.tonnes_kg, t.vintage, price, even, currency)
            for t in schedule_for(self.store.db, self.contract_id)
        ]


class DeliveriesModel(LazySqlTableModel):
    primary_table = "deliveries"
    tables = frozenset({"contracts", "deliveries", "retirements"})

    def build_columns(self) -> list[Column]:
        return [
            Column("contract", self.tr("Contract")),
            Column("delivered_on", self.tr("Delivered on"), Kind.DATE),
            Column("tonnes_kg", self.tr("Tonnes"), Kind.TONNES),
            Column("vintage", self.tr("Vintage"), Kind.NUMBER),
            # what auditors look for first: the serial block and its verification
            Column("serial_block", self.tr("Serial block")),
            Column(
                "verification_status",
                self.tr("Verification"),
                Kind.CHOICE,
                labels.verification_labels(),
            ),
            Column("verified_on", self.tr("Verified on"), Kind.DATE),
            Column("registry", self.tr("Registry"), Kind.CHOICE, labels.registry_labels()),
            Column("retired_kg", self.tr("Retired"), Kind.TONNES),
            Column("transfer_reference", self.tr("Reference")),
        ]

    def select_sql(self) -> str:
        return (
            f"select d.id, {_CONTRACT_REFERENCE.format(alias='d')} as contract, "
            "d.delivered_on, d.tonnes_kg, d.vintage, "
            "d.registry, d.serial_block, d.verification_status, d.verified_on, "
            "(select coalesce(sum(r.tonnes_kg), 0) from retirements r "
            " where r.delivery_id = d.id) as retired_kg, "
            "d.reference as transfer_reference "
            "from deliveries d "
            f"where {_CONTRACT_FILTER.format(alias='d')}"
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
            Column("serial_block", self.tr("Serial block")),
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
