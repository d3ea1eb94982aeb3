"""Forms: refusals shown next to the field in plain words, nothing written on error."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.factories import counts, make_contract, make_delivery
from tests.ui.gui_helpers import (
    CONTRACT,
    column_texts,
    error_text,
    fill,
    press_ok,
    show_contract,
)
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


def test_typing_a_bad_value_shows_why_next_to_that_field_at_once(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {"tonnes": "12.34567"})
    assert error_text(dialog, "tonnes") == (
        "Tonnes (t) has more precision than 0.001 t (one kilogram)"
    )
    assert error_text(dialog, "reference") == ""  # untouched fields are not nagged
    fill(qtbot, dialog, {"tonnes": "12.345"})
    assert error_text(dialog, "tonnes") == ""


def test_a_cross_field_refusal_lands_on_the_field_it_names(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    before = counts(store.db)
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {**CONTRACT, "end_on": "2024-06-30"})
    press_ok(qtbot, dialog)
    assert error_text(dialog, "end_on") == "Term ends is before \u201cTerm starts\u201d 1/1/2025"
    assert dialog.isVisible()
    assert counts(store.db) == before


def test_the_services_refusal_is_shown_next_to_its_field_and_nothing_is_written(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    make_contract(store.db, reference="OFF-1")
    before = counts(store.db)
    dialog = window.records.new_contract()
    fill(qtbot, dialog, CONTRACT)
    press_ok(qtbot, dialog)
    assert error_text(dialog, "reference") == "Reference is already used by another contract"
    assert dialog.isVisible()
    assert counts(store.db) == before
    assert not window.undo_action.isEnabled()  # a refused add leaves nothing to undo


def test_an_overlapping_serial_block_is_refused_on_the_serial_field(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    before = counts(store.db)
    dialog = window.records.add_delivery()
    fill(
        qtbot,
        dialog,
        {"delivered_on": "2025-07-01", "tonnes": "10", "serial_block": "ACR-US-1-2025-1-95 to 104"},
    )
    press_ok(qtbot, dialog)
    assert "overlaps 'ACR-US-1-2025-1-1 to 100'" in error_text(dialog, "serial_block")
    assert counts(store.db) == before


def test_retiring_more_than_is_available_says_so_and_writes_nothing(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    before = counts(store.db)
    dialog = window.records.retire()
    fill(qtbot, dialog, {"retired_on": "2025-09-30", "tonnes": "150"})
    assert "Not enough whole credits: 100 t verified on 9/30/2025." in dialog.preview.text()
    press_ok(qtbot, dialog)
    assert "is more than the 100 t of C-1 verified by then (9/30/2025)" in error_text(
        dialog, "tonnes"
    )
    assert counts(store.db) == before


def test_retiring_a_given_serial_block(window: Any, qtbot: Any, store: LedgerStore) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    dialog = window.records.retire()
    dialog.by_block.click()
    assert dialog.editors["serial_block"].isEnabled()
    fill(
        qtbot,
        dialog,
        {"retired_on": "2025-09-30", "tonnes": "5", "serial_block": "ACR-US-1-2025-1-11 to 15"},
    )
    press_ok(qtbot, dialog)
    assert window.overview.card_text("retired") == "5 t"
    assert column_texts(window.retirements, "serial_block") == ["ACR-US-1-2025-1-11 to 15"]


def test_cancelling_a_delete_keeps_the_record(
    window: Any, store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    asked: list[str] = []

    def refuse(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    assert not window.records.delete_contract()
    assert asked == [
        "Delete contract C-1?\n\nThis also deletes what depends on it: 1 delivery.\n"
        "You can undo this with Edit → Undo."
    ]
    assert counts(store.db)["deliveries"] == 1


def test_a_delivery_needs_a_contract_to_belong_to(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    dialog = window.records.add_delivery()  # the ledger has no contract yet
    fill(
        qtbot,
        dialog,
        {"delivered_on": "2025-07-01", "tonnes": "10", "serial_block": "ACR-US-1-2025-1-1 to 10"},
    )
    press_ok(qtbot, dialog)
    assert error_text(dialog, "contract") == "Contract is required: add a contract first"
    assert counts(store.db)["deliveries"] == 0
