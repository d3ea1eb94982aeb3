"""A contract without tranches shows its even schedule, filled by its deliveries — on a
ledger file computed on a worker, keeping only what the rows show (not the allocation,
which names every delivery)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject

from tests.factories import make_contract, make_delivery
from tracker.services.fulfilment import read_fills
from tracker.services.schedule import add_tranche
from tracker.store.database import open_database
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.schedule_table import ScheduleModel

pytestmark = pytest.mark.gui
AS_OF = dt.date(2026, 6, 30)


def _shown(model: ScheduleModel, key: str) -> list[Any]:
    return [model.index(r, model.column_of(key)).data() for r in range(model.rowCount())]


def test_an_even_schedule_on_a_ledger_file_shows_what_was_delivered(
    tmp_path: Path, owner: QObject, qtbot: Any
) -> None:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    contract = make_contract(db, start_on="2025-01-01", end_on="2027-12-31", tonnes="3000")
    make_delivery(db, contract, tonnes="250", serial_block="ACR-US-1-2025-1-1 to 250")
    model = ScheduleModel(LedgerStore(db, path, AS_OF), owner)
    model.set_contract(contract)
    for job in model.background_jobs():
        assert job.wait()
    assert _shown(model, "source") == ["Even schedule"] * 3
    assert _shown(model, "delivered_kg") == ["250 t", "0 t", "0 t"]
    assert _shown(model, "shortfall_kg") == ["750 t", "1,000 t", "1,000 t"]
    assert _shown(model, "status")[0] == "Overdue"
    db.close()


def test_the_fills_kept_are_the_even_schedules_rows_only(tmp_path: Path) -> None:
    db = open_database(tmp_path / "ledger.db")
    even = make_contract(db, reference="EVEN", start_on="2025-01-01", end_on="2026-12-31")
    planned = make_contract(db, reference="PLANNED", start_on="2025-01-01", end_on="2026-12-31")
    add_tranche(db, planned, {"due_on": "2025-12-31", "tonnes": "500", "vintage": "", "price": ""})
    make_delivery(db, even, tonnes="100")
    fills = read_fills(db, AS_OF)
    assert set(fills.even) == {even}  # the planned contract's tranches are in the table
    assert fills.even[even] == [
        ("2025-12-31", 500_000, 2025, 100_000, 400_000, 181, "overdue"),
        ("2026-12-31", 500_000, 2026, 0, 500_000, 0, "open"),
    ]
    assert [row[1:] for row in fills.rows] == [(0, 500_000, 181, "overdue")]
    db.close()
