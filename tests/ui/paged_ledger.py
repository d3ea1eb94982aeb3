"""A small ledger and helpers for testing sorted and filtered tables with tiny pages."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import make_contract, make_delivery, retirement_data
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.lazy_table import LazySqlTableModel
from tracker.ui.models.ledger_tables import (
    ContractsModel,
    DeliveriesModel,
    RetirementsModel,
)
from tracker.ui.models.schedule_table import ScheduleModel

PAGE = 4
MODELS = {"schedule": ScheduleModel, "deliveries": DeliveriesModel, "retirements": RetirementsModel}


def use_small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages of PAGE rows for every table model (subclasses may set their own size)."""
    for model_class in (LazySqlTableModel, ContractsModel, *MODELS.values()):
        monkeypatch.setattr(model_class, "page_size", PAGE)


def varied_ledger(store: LedgerStore) -> None:
    """Two contracts with tranches, deliveries and retirements whose values repeat (ties),
    are missing (NULL) and differ in digit count (text order would be wrong)."""
    db = store.db
    for n, reference in enumerate(("B-SECOND", "a-first")):
        contract_id = make_contract(
            db,
            reference=reference,
            tonnes="90000",
            price_per_tonne=str(300 + 200 * n),
            start_on="2025-01-01",
            end_on="2030-12-31",
        )
        for k in range(7):
            tranche = {"due_on": f"{2025 + k % 5}-{1 + (k * 5) % 12:02d}-15"}
            tranche["tonnes"] = str([5, 40, 300, 40, 9, 1200, 75][k])
            if k % 3:
                tranche["vintage"] = str(2020 + k % 4)
                tranche["price_per_tonne"] = str(90 + 25 * k)
            add_tranche(db, contract_id, tranche)
        start = 1
        for k in range(9):
            tonnes = [30, 10, 200, 10, 7, 1000, 30, 5, 64][k]
            pending = k % 4 == 1
            make_delivery(
                db,
                contract_id,
                tonnes=str(tonnes),
                delivered_on=f"2025-{1 + (k * 7) % 12:02d}-{10 + k:02d}",
                vintage=str(2021 + k % 3),
                serial_block=f"ACR-US-{n}-2025-1-{start} to {start + tonnes - 1}",
                reference=f"TX-{reference}-{k}",
                verification_status="pending" if pending else "verified",
                verifier="" if pending else "SCS Global",
                verified_on="" if pending else f"2025-12-{20 + k % 3}",
            )
            start += tonnes
        for k in range(6):
            retire(
                db,
                contract_id,
                retirement_data(
                    tonnes=str([3, 12, 3, 40, 1, 8][k]),
                    retired_on=f"2026-{1 + (k * 4) % 12:02d}-0{1 + k}",
                    claim_start="" if k % 2 else f"202{k % 3}-01-01",
                    claim_end="" if k % 3 == 2 else f"2025-{1 + k:02d}-28",
                    registry_reference=f"RET-{n}-{k}",
                ),
            )


def all_rows(model: LazySqlTableModel) -> list[tuple[Any, int]]:
    """(raw value of the sorted column, id) of every row, read page by page."""
    key = model.order.key or "id"
    return [(model.raw(row, key), model.record_id(row)) for row in range(model.rowCount())]


def true_order(rows: list[tuple[Any, int]], descending: bool) -> list[tuple[Any, int]]:
    """Missing values first, then by value, ties by id; descending is the exact reverse."""
    ordered = sorted(rows, key=lambda r: (r[0] is not None, r[0] if r[0] is not None else 0, r[1]))
    return ordered[::-1] if descending else ordered
