"""The schedule as a lazily paged Qt model: each tranche with what was delivered against it.

Delivered, shortfall, days late and status come from the one allocation of accepted
deliveries to tranches (``tracker.services.fulfilment``), written per connection to a
TEMP table so the columns sort and filter in the store's read like every other.  Overdue tranches
are drawn in red, tranches delivered late in amber.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from tracker.services.fulfilment import EvenFill, ScheduleFills, publish, publish_fills, read_fills
from tracker.store import queries
from tracker.store.readers import can_read_beside
from tracker.store.tranche_fills import ensure_tranche_fills
from tracker.ui import labels, theming
from tracker.ui.background import BackgroundJob
from tracker.ui.models.columns import Column, Kind
from tracker.ui.models.lazy_table import Index, LazySqlTableModel

STATUS_COLOURS = {"overdue": "error", "delivered late": "late"}  # theming roles


class ScheduleModel(LazySqlTableModel):
    """Tranches; a contract without tranches shows its even schedule (not editable)."""

    primary_table = "tranches"
    # its view joins the allocation written to this connection's temporary table (not
    # seen by a worker's connection); a schedule is short: its pages are read here
    pages_beside = False
    view = "schedule"
    tables = frozenset({"contracts", "tranches", "deliveries", "verifications", "invalidations"})
    extra_keys = ("currency",)
    depends_on_as_of = True
    _even: dict[int, list[EvenFill]]  # each contract's even schedule, as last allocated

    def build_columns(self) -> list[Column]:
        return [
            Column("contract", self.tr("Contract")),
            Column("due_on", self.tr("Due on"), Kind.DATE),
            Column("tonnes_kg", self.tr("Tonnes"), Kind.TONNES),
            Column("vintage", self.tr("Vintage"), Kind.NUMBER),
            Column("price", self.tr("Price"), Kind.PRICE),  # the tranche's, else the contract's
            Column("source", self.tr("Source")),
            Column("delivered_kg", self.tr("Delivered"), Kind.TONNES),
            Column("shortfall_kg", self.tr("Shortfall"), Kind.TONNES),
            Column("late_days", self.tr("Days late"), Kind.NUMBER),
            Column("status", self.tr("Status"), Kind.CHOICE, labels.tranche_status_labels()),
        ]

    def view_labels(self) -> dict[str, str]:
        return {"source_label": self.tr("Tranche")}

    def note(self) -> str:
        if self._rows.leading:
            return self.tr("No tranches: the even schedule over the term is shown")
        return ""

    def leading_rows(self) -> list[tuple[Any, ...]]:
        if self.contract_id is None:
            return []
        if queries.tranche_count(self.store.db, self.contract_id):
            return []
        found = queries.contract_pricing(self.store.db, self.contract_id)
        if found is None:  # the contract was just deleted
            return []
        reference, price, currency = found
        even = self.tr("Even schedule")
        fills = self._even.get(self.contract_id, [])
        return [
            (None, reference, due, tonnes, vintage, price, even, delivered, shortfall, late,
             status, currency)
            for due, tonnes, vintage, delivered, shortfall, late, status in fills
        ]  # fmt: skip

    def _count_rows(self, keep_shown: bool = False) -> None:
        """On a ledger file the allocation is computed off the GUI thread: the rows show
        at once with the fills last written, and are read again when the fresh ones come."""
        if not can_read_beside(self.store.path):
            self._even = publish_fills(self.store.db, self.store.as_of, self.contract_id).even
        else:
            ensure_tranche_fills(self.store.db)  # this connection's (another file: a new one)
            if not hasattr(self, "fills_job"):
                self._even = {}
                self.fills_job = BackgroundJob(self.store, self._apply_fills, self)
                self._applying = False
            if not self._applying:
                as_of, contract_id = self.store.as_of, self.contract_id
                self.fills_job.request(lambda db: read_fills(db, as_of, contract_id))
        super()._count_rows(keep_shown)

    def background_jobs(self) -> list[Any]:
        """The reads this model has running off the GUI thread (a screenshot waits)."""
        job = getattr(self, "fills_job", None)
        return [*super().background_jobs(), *([job] if job is not None else [])]

    def _apply_fills(self, fills: ScheduleFills) -> None:
        publish(self.store.db, fills)
        self._even = fills.even
        self._applying = True
        try:
            self._read_again(keep_shown=True)
        finally:
            self._applying = False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            shade = STATUS_COLOURS.get(self.shown_value(index.row(), "status") or "")
            colour = theming.colour(shade) if shade else None
            if colour:
                return QBrush(QColor(colour))
        return super().data(index, role)
