"""Rules evaluated again for the contracts a change touched: the same flags as evaluating
the whole portfolio, after every kind of edit, for work that follows the change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery
from tracker.domain.changes import ChangeSet
from tracker.services.audit import context as context_module
from tracker.services.audit.engine import evaluate, evaluate_changed
from tracker.services.audit.verifications import add_verification
from tracker.services.contracts import delete_contract, update_contract
from tracker.services.deliveries import delete_delivery, update_delivery
from tracker.services.form_data import contract_input, delivery_input
from tracker.services.retirements import delete_retirement, retire
from tracker.services.schedule import add_tranche
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import queries

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    write_ledger(db, Spec(contracts=12, deliveries=480, retirements=120, seed=5, as_of=AS_OF))
    other = _first(db, "select max(id) - 1 from contracts")
    raw_delivery(db, other, 5, 10, prefix=_PREFIX, delivered_on="2026-02-01")
    return db


def _first(db: sqlite_utils.Database, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0])


def _heavier(db: sqlite_utils.Database) -> ChangeSet:
    delivery_id = _first(db, "select id from deliveries where serial_block is null limit 1")
    d = queries.delivery(db, delivery_id)
    data = {**delivery_input(d), "tonnes": str((d.tonnes_kg + 90_000) / 1000)}
    return update_delivery(db, delivery_id, data)[1]


def _failed(db: sqlite_utils.Database) -> ChangeSet:
    delivery_id = _first(
        db, "select delivery_id from retirements where retired_on < '2026-01-01' limit 1"
    )
    day = queries.delivery(db, delivery_id).delivered_on
    data = {"verified_on": day.isoformat(), "outcome": "failed", "verifier": "Earthood"}
    return add_verification(db, delivery_id, data)[1]


def _no_retirement(db: sqlite_utils.Database) -> ChangeSet:
    return delete_retirement(db, _first(db, "select max(id) from retirements"))[1]


def _retired_again(db: sqlite_utils.Database) -> ChangeSet:
    contract = _first(db, "select contract_id from deliveries group by 1 order by 1 limit 1")
    data = {"retired_on": "2026-03-01", "tonnes": "1", "purpose": "other", "beneficiary": ""}
    return retire(db, contract, data)[1]


def _no_delivery(db: sqlite_utils.Database) -> ChangeSet:
    found = "select max(id) from deliveries where id not in (select delivery_id from retirements)"
    found += " and id not in (select delivery_id from invalidations)"
    return delete_delivery(db, _first(db, found))[1]


def _no_contract(db: sqlite_utils.Database) -> ChangeSet:
    return delete_contract(db, _first(db, "select max(id) from contracts"))[1]


def _terminated(db: sqlite_utils.Database) -> ChangeSet:
    contract = queries.contract(db, _first(db, "select min(id) from contracts"))
    assert contract.id is not None
    return update_contract(db, contract.id, {**contract_input(contract), "status": "terminated"})[1]


def _tranche_added(db: sqlite_utils.Database) -> ChangeSet:
    contract = _first(db, "select min(contract_id) from tranches")
    return add_tranche(db, contract, {"due_on": "2026-01-31", "tonnes": "1", "price": "999"})[1]


_PREFIX = "ACR-US-9-2025-1"


def _earlier_block_elsewhere(db: sqlite_utils.Database) -> ChangeSet:
    """A block given to one contract that overlaps another contract's delivery from below:
    the other contract's delivery is flagged, naming this one, though only this contract
    changed."""
    first = _first(db, "select min(id) from contracts")
    raw_delivery(db, first, 1, 10, prefix=_PREFIX, delivered_on="2025-02-01")
    return ChangeSet(inserted=(("deliveries", 0),), contracts=frozenset({first}))


EDITS: dict[str, Callable[[sqlite_utils.Database], ChangeSet]] = {
    "tonnes changed": _heavier,
    "verification failed": _failed,
    "retirement deleted": _no_retirement,
    "retirement added": _retired_again,
    "delivery deleted": _no_delivery,
    "contract deleted": _no_contract,
    "contract terminated": _terminated,
    "tranche added": _tranche_added,
    "a block another contract repeats": _earlier_block_elsewhere,
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_evaluating_the_changed_contracts_gives_every_flag(
    ledger: sqlite_utils.Database, edit: str
) -> None:
    before = evaluate(ledger, AS_OF)
    changes = EDITS[edit](ledger)
    assert changes.contracts
    after = evaluate_changed(ledger, AS_OF, before, changes.contracts)
    assert after == evaluate(ledger, AS_OF)


def test_edits_one_after_another_stay_exact(ledger: sqlite_utils.Database) -> None:
    flags = evaluate(ledger, AS_OF)
    for edit in EDITS.values():
        flags = evaluate_changed(ledger, AS_OF, flags, edit(ledger).contracts)
        assert flags == evaluate(ledger, AS_OF)


def test_only_the_changed_contract_is_allocated(
    ledger: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = evaluate(ledger, AS_OF)
    changes = _heavier(ledger)
    allocated: list[int | None] = []
    real = context_module.fulfilments

    def recording(db: object, as_of: dt.date, contract_id: int | None = None) -> object:
        allocated.append(contract_id)
        return real(db, as_of, contract_id)  # type: ignore[arg-type]

    monkeypatch.setattr(context_module, "fulfilments", recording)
    evaluate_changed(ledger, AS_OF, before, changes.contracts)
    assert allocated == sorted(changes.contracts)


def test_nothing_changed_keeps_the_flags(ledger: sqlite_utils.Database) -> None:
    before = evaluate(ledger, AS_OF)
    assert evaluate_changed(ledger, AS_OF, before, frozenset()) is before


def test_a_change_to_many_contracts_evaluates_them_all(
    ledger: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = evaluate(ledger, AS_OF)
    allocated: list[int | None] = []
    real = context_module.fulfilments

    def recording(db: object, as_of: dt.date, contract_id: int | None = None) -> object:
        allocated.append(contract_id)
        return real(db, as_of, contract_id)  # type: ignore[arg-type]

    monkeypatch.setattr(context_module, "fulfilments", recording)
    every = frozenset(range(1, 13))
    assert evaluate_changed(ledger, AS_OF, before, every) == before
    assert allocated == [None]  # one allocation of the whole portfolio
