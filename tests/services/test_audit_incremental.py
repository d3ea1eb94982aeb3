"""Rules evaluated again for the contracts a change touched: the same flags as evaluating
the whole portfolio, after every kind of edit, for work that follows the change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
import sqlite_utils

from tests.audit_factories import raw_delivery, raw_retirement
from tests.ledger_edits import failed, first_id, heavier, no_contract, no_delivery, no_retirement
from tracker.domain.changes import ChangeSet
from tracker.services.audit import context as context_module
from tracker.services.audit.engine import evaluate, evaluate_changed
from tracker.services.contracts import update_contract
from tracker.services.deliveries import delete_delivery
from tracker.services.form_data import contract_input
from tracker.services.invalidations import add_invalidation
from tracker.services.retirements import delete_retirement, retire
from tracker.services.schedule import add_tranche
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import queries
from tracker.store.unit_of_work import UnitOfWork

AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    write_ledger(db, Spec(contracts=12, deliveries=480, retirements=120, seed=5, as_of=AS_OF))
    other = first_id(db, "select max(id) - 1 from contracts")
    raw_delivery(db, other, 5, 10, prefix=_PREFIX, delivered_on="2026-02-01")
    # across contracts 2 and 3: a block overlapping an earlier one, a reference given
    # twice and serials retired twice
    earlier = raw_delivery(db, 2, 1, 100, prefix=_SHARED, delivered_on="2025-03-01",
                           reference="DUP-REF-1")  # fmt: skip
    later = raw_delivery(db, 3, 50, 150, prefix=_SHARED, delivered_on="2025-04-01",
                         reference="DUP-REF-1")  # fmt: skip
    raw_retirement(db, earlier, 60, 70, prefix=_SHARED)
    raw_retirement(db, later, 65, 68, prefix=_SHARED)
    return db


_SHARED = "ACR-US-8-2025-1"


def _heavier(db: sqlite_utils.Database) -> ChangeSet:
    return heavier(db, 90_000)


def _failed(db: sqlite_utils.Database) -> ChangeSet:
    return failed(db, "select delivery_id from retirements where retired_on < '2026-01-01' limit 1")


def _retired_again(db: sqlite_utils.Database) -> ChangeSet:
    contract = first_id(db, "select contract_id from deliveries group by 1 order by 1 limit 1")
    data = {"retired_on": "2026-03-01", "tonnes": "1", "purpose": "other", "beneficiary": ""}
    return retire(db, contract, data)[1]


def _terminated(db: sqlite_utils.Database) -> ChangeSet:
    """The contract with a late tranche terminated: nothing is due any more."""
    late = [f.contract_id for f in evaluate(db, AS_OF) if f.rule == "LATE_TRANCHE"]
    contract = queries.contract(db, late[0])
    assert contract.id is not None
    return update_contract(db, contract.id, {**contract_input(contract), "status": "terminated"})[1]


def _tranche_added(db: sqlite_utils.Database) -> ChangeSet:
    contract = first_id(db, "select min(contract_id) from tranches")
    data = {"due_on": "2026-01-31", "tonnes": "1", "price_per_tonne": "9999"}
    return add_tranche(db, contract, data)[1]


_PREFIX = "ACR-US-9-2025-1"


def _earlier_block_elsewhere(db: sqlite_utils.Database) -> ChangeSet:
    """A block given to one contract that overlaps another contract's delivery from below:
    the other contract's delivery is flagged, naming this one, though only this contract
    changed."""
    first = first_id(db, "select min(id) from contracts")
    raw_delivery(db, first, 1, 10, prefix=_PREFIX, delivered_on="2025-02-01")
    return ChangeSet(inserted=(("deliveries", 0),), contracts=frozenset({first}))


def _earlier_block_gone(db: sqlite_utils.Database) -> ChangeSet:
    """The earlier block (and its retirement) deleted: the flags on contract 3's later
    block, reference and retirement go, though only contract 2 changed."""
    earlier = first_id(db, f"select id from deliveries where serial_prefix = '{_SHARED}'")
    retired = first_id(db, f"select id from retirements where delivery_id = {earlier}")
    changes = delete_retirement(db, retired)[1]
    return ChangeSet.merge([changes, delete_delivery(db, earlier)[1]])


def _reference_corrected(db: sqlite_utils.Database) -> ChangeSet:
    """Contract 2's delivery gets another registry reference: contract 3's duplicate
    reference flag goes, its overlap flag stays."""
    with UnitOfWork(db) as uow:
        found = f"select id from deliveries where serial_prefix = '{_SHARED}' order by id"
        uow.update("deliveries", first_id(db, found), {"reference": "DUP-REF-2"})
    return uow.changes


def _earlier_retirement_gone(db: sqlite_utils.Database) -> ChangeSet:
    found = f"select min(r.id) from retirements r where r.serial_prefix = '{_SHARED}'"
    return delete_retirement(db, first_id(db, found))[1]


def _invalidated(db: sqlite_utils.Database) -> ChangeSet:
    """A delivery retired from is invalidated whole: its retirements need restating."""
    delivery_id = first_id(
        db,
        "select r.delivery_id from retirements r join deliveries d on d.id = r.delivery_id "
        "where d.verification_status = 'verified' and d.delivered_on < '2026-01-01' "
        "and d.id not in (select delivery_id from verifications) order by r.id limit 1",
    )
    delivery = queries.delivery(db, delivery_id)
    data = {"invalidated_on": "2026-03-01", "tonnes": str(delivery.tonnes_kg / 1000),
            "reason": "reversal"}  # fmt: skip
    return add_invalidation(db, delivery_id, data)[1]


EDITS: dict[str, Callable[[sqlite_utils.Database], ChangeSet]] = {
    "a delivery retired from invalidated": _invalidated,
    "the earlier block on another contract deleted": _earlier_block_gone,
    "the earlier reference on another contract corrected": _reference_corrected,
    "the earlier retirement on another contract deleted": _earlier_retirement_gone,
    "tonnes changed": _heavier,
    "verification failed": _failed,
    "retirement deleted": no_retirement,
    "retirement added": _retired_again,
    "delivery deleted": no_delivery,
    "contract deleted": no_contract,
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
    expected = evaluate(ledger, AS_OF)
    assert expected != before
    assert evaluate_changed(ledger, AS_OF, before, changes.contracts) == expected


def test_flags_across_contracts_are_raised_in_the_fixture(ledger: sqlite_utils.Database) -> None:
    across = {(f.rule, f.contract_id, f.subject_table) for f in evaluate(ledger, AS_OF)}
    assert {
        ("SERIAL_OVERLAP", 3, "deliveries"),
        ("SERIAL_OVERLAP", 3, "retirements"),
        ("DUPLICATE_DELIVERY", 3, "deliveries"),
    } <= across


def test_edits_one_after_another_stay_exact(ledger: sqlite_utils.Database) -> None:
    flags = evaluate(ledger, AS_OF)
    for edit in EDITS.values():
        flags = evaluate_changed(ledger, AS_OF, flags, edit(ledger).contracts)
        assert flags == evaluate(ledger, AS_OF)


@pytest.fixture
def allocated(monkeypatch: pytest.MonkeyPatch) -> list[int | None]:
    """The contract of every tranche allocation the rules make (None: all of them)."""
    seen: list[int | None] = []
    real = context_module.folded_fulfilments

    def recording(db: object, as_of: dt.date, contract_id: int | None = None) -> object:
        seen.append(contract_id)
        return real(db, as_of, contract_id)  # type: ignore[arg-type]

    monkeypatch.setattr(context_module, "folded_fulfilments", recording)
    return seen


def test_only_the_changed_contract_is_allocated(
    ledger: sqlite_utils.Database, allocated: list[int | None]
) -> None:
    before = evaluate(ledger, AS_OF)
    changes = _heavier(ledger)
    allocated.clear()
    evaluate_changed(ledger, AS_OF, before, changes.contracts)
    assert allocated == sorted(changes.contracts)


def test_nothing_changed_keeps_the_flags(ledger: sqlite_utils.Database) -> None:
    before = evaluate(ledger, AS_OF)
    assert evaluate_changed(ledger, AS_OF, before, frozenset()) is before


def test_a_change_to_many_contracts_evaluates_them_all(
    ledger: sqlite_utils.Database, allocated: list[int | None]
) -> None:
    before = evaluate(ledger, AS_OF)
    allocated.clear()
    every = frozenset(range(1, 13))
    assert evaluate_changed(ledger, AS_OF, before, every) == before
    assert allocated == [None]  # one allocation of the whole portfolio
