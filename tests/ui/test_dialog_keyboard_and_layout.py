"""Record forms from the keyboard and at a glance: where the cursor starts, what Enter and
Escape do, refusals read in full, numbers right-aligned."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QWidget

from tests.factories import counts, make_contract
from tests.ui.gui_helpers import CONTRACT, error_text, fill, show_contract
from tracker.services.schedule import add_tranche
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


def test_a_new_contract_form_starts_with_the_cursor_in_reference(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.editors["reference"]


def test_a_delivery_for_the_contract_in_view_starts_at_the_delivery_date(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    show_contract(window, make_contract(store.db))
    dialog = window.records.add_delivery()
    qtbot.waitExposed(dialog)
    assert dialog.value("contract") != ""
    assert dialog.focusWidget() is dialog.editors["delivered_on"]


def test_enter_in_an_incomplete_form_shows_what_is_missing_and_keeps_it_open(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    before = counts(store.db)
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {"reference": "OFF-1"})
    qtbot.keyClick(dialog.editors["reference"], Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert error_text(dialog, "tonnes") == "Tonnes (t) is required"
    assert counts(store.db) == before


def test_enter_in_a_complete_form_saves_it(window: Any, qtbot: Any, store: LedgerStore) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, CONTRACT)
    qtbot.keyClick(dialog.editors["reference"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert counts(store.db)["contracts"] == 1


def test_escape_cancels_and_writes_nothing(window: Any, qtbot: Any, store: LedgerStore) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, CONTRACT)
    qtbot.keyClick(dialog.editors["reference"], Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert counts(store.db)["contracts"] == 0


def test_the_default_button_of_a_form_is_ok(window: Any) -> None:
    dialog = window.records.new_contract()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isDefault()


def test_a_long_refusal_is_shown_in_full_not_cut_off(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    show_contract(window, make_contract(store.db))
    dialog = window.records.add_delivery()
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog, {"serial_block": "bogus"})
    label = dialog.error_labels["serial_block"]
    assert "is not a serial block this tracker can read" in error_text(dialog, "serial_block")
    assert label.height() >= label.heightForWidth(label.width())


def test_a_refusal_names_another_field_by_its_label(
    window: Any, qtbot: Any, store: LedgerStore
) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {**CONTRACT, "signed_on": "2028-01-01"})
    qtbot.keyClick(dialog.editors["reference"], Qt.Key.Key_Return)
    assert error_text(dialog, "signed_on") == "Signed on is after \u201cTerm ends\u201d 12/31/2027"
    assert "end_on" not in error_text(dialog, "signed_on")


def test_tonnes_and_prices_are_typed_right_aligned(window: Any) -> None:
    dialog = window.records.new_contract()
    for key in ("tonnes", "price_per_tonne", "durability_years"):
        editor = dialog.editors[key]
        assert isinstance(editor, QLineEdit)
        assert editor.alignment() & Qt.AlignmentFlag.AlignRight, key
    reference = dialog.editors["reference"]
    assert isinstance(reference, QLineEdit)
    assert not reference.alignment() & Qt.AlignmentFlag.AlignRight


def tab_order(dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits, in order, from the dialog's first one."""
    visited: list[QWidget] = []
    widget = dialog.nextInFocusChain()
    while widget is not dialog:
        takes_tab = widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        if takes_tab and widget.isEnabled() and widget.isVisibleTo(dialog):
            visited.append(widget)
        widget = widget.nextInFocusChain()
    return visited


def test_tab_goes_from_the_contract_to_how_credits_are_drawn_then_the_date(
    window: Any, store: LedgerStore
) -> None:
    show_contract(window, make_contract(store.db))
    dialog = window.records.retire()
    order = tab_order(dialog)
    contract = order.index(dialog.editors["contract"])
    assert order[contract + 1 : contract + 5] == [
        dialog.oldest_first,
        dialog.by_block,
        dialog.verified_only,
        dialog.editors["retired_on"],
    ]
    assert order.index(dialog.editors["registry_reference"]) < order.index(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    )


def test_prices_say_which_currency_and_vintages_ask_for_a_year(
    window: Any, store: LedgerStore
) -> None:
    contract = window.records.new_contract()
    assert "In the currency below" in hint_text(contract, "price_per_tonne")
    show_contract(window, make_contract(store.db))
    tranche = window.records.add_tranche()
    assert "In the contract's currency" in hint_text(tranche, "price_per_tonne")
    vintage = tranche.editors["vintage"]
    assert isinstance(vintage, QLineEdit)
    assert vintage.placeholderText() == "YYYY"


def hint_text(dialog: Any, key: str) -> str:
    """The grey line under a field."""
    box = dialog.editors[key].parentWidget()
    return " ".join(
        label.text() for label in box.findChildren(QLabel) if label is not dialog.error_labels[key]
    )


def test_deleting_a_tranche_says_it_can_be_undone_and_no_keeps_it(
    window: Any, store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract_id = make_contract(store.db)
    tranche, _ = add_tranche(
        store.db, contract_id, {"due_on": "2025-12-31", "tonnes": "100", "vintage": "2025"}
    )
    show_contract(window, contract_id)
    asked: list[str] = []

    def say_no(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", say_no)
    assert not window.records.delete_tranche(tranche.id)
    assert asked == ["Delete the tranche due 12/31/2025?\n\nYou can undo this with Edit → Undo."]
    assert counts(store.db)["tranches"] == 1
