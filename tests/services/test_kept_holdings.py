"""A file of oldest-first retirements keeps each contract's holdings between its rows
(``drawing_many``): every retirement draws exactly what it would draw reading them again,
whatever else the file writes or rolls back in between, and a contract's deliveries are
read once per date instead of once per row."""

from __future__ import annotations

import random
from contextlib import AbstractContextManager, nullcontext

import pytest
import sqlite_utils

from tests.factories import delivery_data, retirement_data
from tracker.domain.errors import ValidationError
from tracker.services.deliveries import add_delivery
from tracker.services.holdings import drawing_many
from tracker.services.retirements import retire
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import holdings as stored
from tracker.store.database import open_database
from tracker.store.unit_of_work import UnitOfWork

DAYS = ["2024-06-30", "2025-03-31", "2025-12-31", "2026-09-30"]
TONNES = ["0.5", "1", "3", "12", "40", "250"]


class _Undone(Exception):
    """Rolls a retirement back after it was written."""


def _ledger(seed: int) -> sqlite_utils.Database:
    db = open_database(":memory:")
    write_ledger(db, Spec(contracts=3, deliveries=240, retirements=40, seed=seed))
    return db


def _steps(db: sqlite_utils.Database, seed: int) -> list[tuple[str, int, str, str, bool]]:
    """Retirements (a few rolled back), with now and then a delivery added between."""
    pick = random.Random(seed)
    contracts = [row[0] for row in db.execute("select id from contracts order by id")]
    steps = []
    for _ in range(60):
        kind = pick.choices(["retire", "undone", "deliver"], weights=[8, 1, 1])[0]
        steps.append(
            (
                kind,
                pick.choice(contracts),
                pick.choice(DAYS),
                pick.choice(TONNES),
                pick.random() < 0.3,
            )
        )
    return steps


def _run(
    db: sqlite_utils.Database, steps: list[tuple[str, int, str, str, bool]], kept: bool
) -> list[str]:
    outcomes = []
    keeping: AbstractContextManager[None] = drawing_many() if kept else nullcontext()
    with UnitOfWork(db), keeping:
        for n, (kind, contract, day, tonnes, verified_only) in enumerate(steps):
            try:
                with db.atomic():
                    if kind == "deliver":
                        add_delivery(db, contract, delivery_data(
                            delivered_on=day, tonnes=tonnes, serial_block="", vintage="2020"
                        ))  # fmt: skip
                    else:
                        data = retirement_data(
                            retired_on=day, tonnes=tonnes, registry_reference=f"R-{n}"
                        )
                        retire(db, contract, data, verified_only)
                        if kind == "undone":
                            raise _Undone
                outcomes.append("written")
            except ValidationError as exc:
                outcomes.append(f"refused: {exc.field}")
            except _Undone:
                outcomes.append("rolled back")
    return outcomes


def _retired(db: sqlite_utils.Database) -> list[tuple[object, ...]]:
    return db.execute(
        "select contract_id, delivery_id, serial_block, tonnes_kg, retired_on, registry_reference"
        " from retirements order by id"
    ).fetchall()


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_kept_holdings_draw_what_reading_them_again_draws(seed: int) -> None:
    reread, kept = _ledger(seed), _ledger(seed)
    steps = _steps(reread, seed)

    outcomes = _run(reread, steps, kept=False)
    assert _run(kept, steps, kept=True) == outcomes

    assert _retired(kept) == _retired(reread)
    assert outcomes.count("written") > 20  # the comparison drew a good deal
    assert "rolled back" in outcomes
    reread.close()
    kept.close()


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The contract each reading of every delivery of a contract read."""
    reads: list[int] = []
    original = stored.holding_rows

    def counted(db: sqlite_utils.Database, contract_id: int, *args: object) -> object:
        reads.append(contract_id)
        return original(db, contract_id, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(stored, "holding_rows", counted)
    return reads


def test_a_file_of_retirements_reads_a_contracts_deliveries_once_per_date(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_ledger(db, Spec(contracts=1, deliveries=200, retirements=0, seed=5))
    contract = db.execute("select id from contracts").fetchone()[0]
    reads = _counting_reads(monkeypatch)
    with UnitOfWork(db), drawing_many():
        for n in range(10):
            day = DAYS[3] if n < 6 else DAYS[2]
            retire(db, contract, retirement_data(retired_on=day, tonnes="1", registry_reference=""))

    assert len(reads) == 2  # one per date, not one per retirement
    assert db.execute("select count(*) from retirements").fetchone()[0] >= 10


def test_outside_a_file_each_retirement_reads_its_holdings(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_ledger(db, Spec(contracts=1, deliveries=50, retirements=0, seed=6))
    contract = db.execute("select id from contracts").fetchone()[0]
    reads = _counting_reads(monkeypatch)
    for _ in range(3):
        retire(db, contract, retirement_data(retired_on=DAYS[3], tonnes="1", registry_reference=""))
    assert len(reads) == 3


def test_a_write_the_log_does_not_see_is_still_seen(db: sqlite_utils.Database) -> None:
    """A raw write on the connection (a script's, say) is not logged: the kept holdings
    are read again all the same."""
    write_ledger(db, Spec(contracts=1, deliveries=30, retirements=0, seed=7))
    contract = db.execute("select id from contracts").fetchone()[0]
    day = DAYS[3]
    with UnitOfWork(db), drawing_many():
        [first] = retire(db, contract, retirement_data(retired_on=day, tonnes="1"))[0]
        db.execute(
            "update deliveries set verification_status = 'failed' where id = ?",
            [first.delivery_id],
        )
        [second] = retire(db, contract, retirement_data(retired_on=day, tonnes="1"))[0]
    assert second.delivery_id != first.delivery_id
