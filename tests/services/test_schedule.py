import pytest
import sqlite_utils

from tests.factories import counts, make_contract
from tracker.domain.errors import ValidationError
from tracker.services.schedule import add_tranche, delete_tranche, schedule_for, update_tranche


def test_tranches_may_not_exceed_the_contract(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db, tonnes="1000")
    add_tranche(db, contract_id, {"due_on": "2025-12-31", "tonnes": "600"})
    with pytest.raises(ValidationError, match=r"only 400\.000 t left unscheduled") as caught:
        add_tranche(db, contract_id, {"due_on": "2026-12-31", "tonnes": "400.001"})
    assert caught.value.field == "tonnes"
    assert counts(db)["tranches"] == 1


def test_tranches_must_fall_due_within_the_term(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    with pytest.raises(ValidationError, match="outside the contract term") as caught:
        add_tranche(db, contract_id, {"due_on": "2031-01-01", "tonnes": "1"})
    assert caught.value.field == "due_on"


def test_a_contract_without_tranches_gets_an_even_schedule(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db, tonnes="900", start_on="2025-01-01", end_on="2027-12-31")
    schedule = schedule_for(db, contract_id)
    assert [t.tonnes_kg for t in schedule] == [300_000] * 3
    assert all(t.derived for t in schedule)


def test_stored_tranches_replace_the_even_schedule(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    add_tranche(
        db,
        contract_id,
        {"due_on": "2026-06-30", "tonnes": "10", "vintage": "2026", "price_per_tonne": "99.5"},
    )
    (tranche,) = schedule_for(db, contract_id)
    assert (tranche.tonnes_kg, tranche.vintage, tranche.price, tranche.derived) == (
        10_000,
        2026,
        995_000,
        False,
    )


def test_editing_a_tranche_ignores_its_own_old_tonnes(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db, tonnes="100")
    tranche, _ = add_tranche(db, contract_id, {"due_on": "2025-12-31", "tonnes": "100"})
    assert tranche.id is not None
    edited, changes = update_tranche(db, tranche.id, {"due_on": "2026-12-31", "tonnes": "100"})
    assert edited.due_on.year == 2026
    assert changes.updated == (("tranches", tranche.id),)
    delete_tranche(db, tranche.id)
    assert counts(db)["tranches"] == 0
