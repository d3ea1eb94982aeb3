import pytest
import sqlite_utils

from tests.factories import (
    contract_data,
    counts,
    make_contract,
    make_delivery,
    retirement_data,
)
from tracker.domain.errors import ValidationError
from tracker.services.contracts import (
    add_contract,
    delete_contract,
    dependents,
    restore,
    update_contract,
)
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche


def test_adding_a_contract_stores_exact_quantities(db: sqlite_utils.Database) -> None:
    contract, changes = add_contract(
        db, contract_data(tonnes="500000.001", price_per_tonne="649.9999")
    )
    row = db.execute("select tonnes_kg, price from contracts").fetchone()
    assert row == (500_000_001, 6_499_999)
    assert contract.id in changes.contracts
    assert changes.tables == {"contracts"}


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("tonnes", "0", "must be greater than zero"),
        ("tonnes", "-3", "must be greater than zero"),
        ("tonnes", "1.0001", "more precision than 0.001 t"),
        ("end_on", "2024-12-31", "is before start_on 2025-01-01"),
        ("start_on", "2025-13-01", "not a valid date"),
        ("method", "magic", "is not one of"),
        ("credit_type", "offset", "is not one of"),
        ("currency", "USX", "not an ISO 4217 currency code"),
        ("registry", "myregistry", "is not one of"),
        ("status", "paused", "is not one of"),
        ("reference", "", "is required"),
        ("price_per_tonne", "abc", "not a plain number"),
        ("durability_years", "-1", "not a whole number"),
    ],
)
def test_bad_fields_are_refused_by_name_and_nothing_is_written(
    db: sqlite_utils.Database, field: str, value: str, reason: str
) -> None:
    with pytest.raises(ValidationError, match=reason) as caught:
        add_contract(db, contract_data(**{field: value}))
    assert caught.value.field == field
    assert counts(db)["contracts"] == 0


def test_refusal_message_names_field_and_value(db: sqlite_utils.Database) -> None:
    with pytest.raises(ValidationError) as caught:
        add_contract(db, contract_data(tonnes="-3"))
    assert str(caught.value) == "tonnes '-3': must be greater than zero"


def test_references_are_unique(db: sqlite_utils.Database) -> None:
    make_contract(db, reference="DUP")
    with pytest.raises(ValidationError, match="already used by another contract"):
        add_contract(db, contract_data(reference="DUP"))
    assert counts(db)["contracts"] == 1


def test_contract_cannot_shrink_below_its_tranches(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db, tonnes="1000")
    add_tranche(db, contract_id, {"due_on": "2025-12-31", "tonnes": "800"})
    with pytest.raises(ValidationError, match=r"less than the 800\.000 t already scheduled"):
        update_contract(db, contract_id, contract_data(tonnes="700"))
    assert db.execute("select tonnes_kg from contracts").fetchone() == (1_000_000,)


def test_contract_term_cannot_leave_a_tranche_outside(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    add_tranche(db, contract_id, {"due_on": "2027-06-30", "tonnes": "100"})
    with pytest.raises(ValidationError, match="tranche due 2027-06-30 outside the term") as caught:
        update_contract(db, contract_id, contract_data(end_on="2026-12-31"))
    assert caught.value.field == "end_on"


def test_editing_a_contract_reports_the_change(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    contract, changes = update_contract(db, contract_id, contract_data(buyer="New Buyer"))
    assert contract.buyer == "New Buyer"
    assert changes.updated == (("contracts", contract_id),)


def test_delete_takes_dependents_and_restore_puts_everything_back(
    db: sqlite_utils.Database,
) -> None:
    contract_id = make_contract(db)
    add_tranche(db, contract_id, {"due_on": "2025-12-31", "tonnes": "100"})
    make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data())
    assert dependents(db, contract_id).describe() == "1 tranche, 1 delivery, 1 retirement"
    before = counts(db)
    removed, changes = delete_contract(db, contract_id)
    assert set(counts(db).values()) == {0}
    assert changes.contracts == {contract_id}
    restore(db, removed)
    assert counts(db) == before
    assert db.execute("select id from contracts").fetchone() == (contract_id,)
