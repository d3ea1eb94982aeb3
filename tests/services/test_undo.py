"""Undo support in the service layer: take back an add, put back an edit, form text."""

from __future__ import annotations

import pytest
import sqlite_utils

from tests.factories import contract_data, counts, delivery_data, make_contract, retirement_data
from tracker.services.contracts import add_contract, restore, update_contract
from tracker.services.deliveries import add_delivery
from tracker.services.form_data import contract_input, delivery_input, retirement_input
from tracker.services.progress import Cancelled, Progress
from tracker.services.retirements import retire
from tracker.services.undo import put_back, record_as_stored, take_back
from tracker.store import queries


def test_take_back_removes_every_inserted_row_in_one_change(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    add_delivery(db, contract_id, delivery_data())
    add_delivery(
        db,
        contract_id,
        delivery_data(serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2"),
    )
    before = counts(db)
    _made, changes = retire(db, contract_id, retirement_data(tonnes="150"))
    assert len(changes.inserted) == 2  # the draw spans two blocks

    removed, undone = take_back(db, changes.inserted)

    assert counts(db) == before
    assert {key for key in undone.deleted} == set(changes.inserted)
    restore(db, removed)
    assert counts(db)["retirements"] == 2
    assert {r.id for r in queries.retirements(db)} == {i for _t, i in changes.inserted}


def test_take_back_of_a_contract_add_then_restore_keeps_its_id(db: sqlite_utils.Database) -> None:
    contract, changes = add_contract(db, contract_data(reference="C-9"))
    removed, _ = take_back(db, changes.inserted)
    assert queries.contract_by_reference(db, "C-9") is None
    restore(db, removed)
    assert queries.contract_by_reference(db, "C-9") == contract


def test_put_back_restores_the_row_exactly(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    stored = record_as_stored(db, "contracts", contract_id)
    update_contract(db, contract_id, contract_data(tonnes="2000", notes="renegotiated"))

    changes = put_back(db, "contracts", stored)

    assert record_as_stored(db, "contracts", contract_id) == stored
    assert changes.updated == (("contracts", contract_id),)


def test_form_text_of_a_record_reads_back_to_the_same_record(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db, price_per_tonne="512.3456", tonnes="1000.5")
    contract = queries.contract(db, contract_id)
    update_contract(db, contract_id, contract_input(contract))
    assert queries.contract(db, contract_id) == contract

    delivery, _ = add_delivery(db, contract_id, delivery_data())
    assert delivery_input(delivery)["tonnes"] == "100"
    assert delivery_input(delivery)["serial_block"] == "ACR-US-1-2025-1-1 to 100"
    made, _ = retire(db, contract_id, retirement_data())
    assert retirement_input(made[0])["serial_block"] == "ACR-US-1-2025-1-1 to 10"


def test_a_cancelled_take_back_takes_none_back(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    inserted = tuple(
        key
        for n in range(3)
        for key in add_delivery(
            db,
            contract_id,
            delivery_data(serial_block=f"ACR-US-1-2025-1-{n * 100 + 1} to {n * 100 + 100}"),
        )[1].inserted
    )
    before = counts(db)
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        take_back(db, inserted, progress)
    assert counts(db) == before


def test_take_back_and_restore_count_their_records(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    _made, changes = add_delivery(db, contract_id, delivery_data())
    taking, putting = Progress(), Progress()
    removed, _ = take_back(db, changes.inserted, taking)
    restore(db, removed, putting)
    assert (taking.done, taking.total) == (1, 1)
    assert (putting.done, putting.total) == (1, 1)


def test_a_cancelled_restore_puts_none_back(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    _made, changes = add_delivery(db, contract_id, delivery_data())
    removed, _ = take_back(db, changes.inserted)
    cancelled = Progress()
    cancelled.cancel()
    with pytest.raises(Cancelled):
        restore(db, removed, cancelled)
    assert counts(db)["deliveries"] == 0
