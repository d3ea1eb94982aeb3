"""Undo commands: one service call and one change notice per step; ids survive undo/redo."""

from __future__ import annotations

import pytest

from tests.factories import (
    counts,
    delivery_data,
    make_contract,
    make_delivery,
    retirement_data,
)
from tracker.domain.changes import ChangeSet
from tracker.domain.errors import ValidationError
from tracker.services.form_data import retirement_input, tranche_input
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche
from tracker.store import queries
from tracker.ui import commands
from tracker.ui.commands import perform
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


@pytest.fixture
def notices(store: LedgerStore) -> list[ChangeSet]:
    seen: list[ChangeSet] = []
    store.changed.connect(seen.append)
    return seen


def test_a_tranche_edit_is_undone_and_redone_with_one_notice_each(
    store: LedgerStore, notices: list[ChangeSet]
) -> None:
    contract_id = make_contract(store.db)
    tranche, _ = add_tranche(store.db, contract_id, {"due_on": "2025-12-31", "tonnes": "400"})
    assert tranche.id is not None
    edited = {**tranche_input(tranche), "tonnes": "450", "vintage": "2025"}
    perform(store, commands.edit_tranche(store, tranche.id, edited))
    assert queries.tranche(store.db, tranche.id).tonnes_kg == 450_000
    store.undo_stack.undo()
    assert queries.tranche(store.db, tranche.id) == tranche
    store.undo_stack.redo()
    assert queries.tranche(store.db, tranche.id).vintage == 2025
    assert [n.updated for n in notices] == [(("tranches", tranche.id),)] * 3


def test_a_deleted_tranche_comes_back_with_its_id(
    store: LedgerStore, notices: list[ChangeSet]
) -> None:
    contract_id = make_contract(store.db)
    tranche, _ = add_tranche(store.db, contract_id, {"due_on": "2025-12-31", "tonnes": "400"})
    perform(store, commands.delete_tranche(store, tranche.id or 0))
    assert queries.tranches(store.db) == []
    store.undo_stack.undo()
    assert queries.tranches(store.db) == [tranche]
    assert len(notices) == 2


def test_a_retirement_edit_and_delete_are_undone(store: LedgerStore) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    made, _ = retire(store.db, contract_id, retirement_data())
    original = made[0]
    assert original.id is not None
    edited = {**retirement_input(original), "beneficiary": "Someone Else"}
    perform(store, commands.edit_retirement(store, original.id, edited))
    perform(store, commands.delete_retirement(store, original.id))
    assert queries.retirements(store.db) == []
    store.undo_stack.undo()
    assert queries.retirement(store.db, original.id).beneficiary == "Someone Else"
    store.undo_stack.undo()
    assert queries.retirement(store.db, original.id) == original


def test_a_refused_step_is_not_put_on_the_stack(
    store: LedgerStore, notices: list[ChangeSet]
) -> None:
    contract_id = make_contract(store.db)
    before = counts(store.db)
    with pytest.raises(ValidationError) as refused:
        perform(store, commands.add_delivery(store, contract_id, delivery_data(tonnes="0")))
    assert refused.value.field == "tonnes"
    assert counts(store.db) == before
    assert store.undo_stack.count() == 0
    assert notices == []


def test_an_edit_that_changes_nothing_leaves_nothing_to_undo(store: LedgerStore) -> None:
    contract_id = make_contract(store.db)
    delivery_id = make_delivery(store.db, contract_id)
    perform(store, commands.edit_delivery(store, delivery_id, delivery_data()))
    assert store.undo_stack.count() == 0


def test_undo_of_an_add_then_new_work_then_redo_is_not_possible(store: LedgerStore) -> None:
    contract_id = make_contract(store.db)
    perform(store, commands.add_delivery(store, contract_id, delivery_data()))
    store.undo_stack.undo()
    perform(
        store,
        commands.add_delivery(
            store, contract_id, delivery_data(serial_block="ACR-US-1-2025-1-1 to 100")
        ),
    )
    assert not store.undo_stack.canRedo()
    assert counts(store.db)["deliveries"] == 1
