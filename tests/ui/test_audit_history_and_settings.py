"""The History panel, the audit settings dialog and the verification records dialog."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import delivery_data, make_contract, make_delivery
from tracker.services.audit.settings import load_thresholds, user_name
from tracker.services.deliveries import update_delivery
from tracker.store import queries
from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.audit.settings_dialog import AuditSettingsDialog
from tracker.ui.audit.verifications_dialog import VerificationsDialog
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui
AS_OF = dt.date(2027, 1, 1)


@pytest.fixture
def store(db: sqlite_utils.Database, qtbot: QtBot) -> LedgerStore:
    return LedgerStore(db, None, AS_OF)


@pytest.fixture
def delivery(db: sqlite_utils.Database) -> int:
    return make_delivery(db, make_contract(db))


def _history(store: LedgerStore, qtbot: QtBot) -> HistoryPanel:
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    panel.resize(1100, 400)
    panel.show()
    return panel


def _column(panel: HistoryPanel, column: int) -> list[str]:
    return [panel.table.item(r, column).text() for r in range(panel.table.rowCount())]


def test_history_of_a_contract_lists_its_changes_newest_first(store, qtbot, delivery) -> None:
    panel = _history(store, qtbot)
    panel.set_contract(1)
    assert panel.scope.text() == "History of contract C-1"
    assert _column(panel, 4) == ["Delivery of 6/30/2025, 100 t (TX-1)", "Contract C-1"]


def test_history_of_a_record_shows_what_changed(store, qtbot, delivery, db) -> None:
    panel = _history(store, qtbot)
    panel.set_record("deliveries", delivery)
    _, changes = update_delivery(
        db, delivery, delivery_data(tonnes="50", serial_block="ACR-US-1-2025-1-1 to 50")
    )
    store.notify(changes)
    assert _column(panel, 3) == ["Changed", "Added"]
    assert panel.table.item(0, 3).toolTip() == "update"  # the code the CSV export writes
    assert panel.table.item(0, 5).text() == (
        "Serial block: ACR-US-1-2025-1-1 to 100 → ACR-US-1-2025-1-1 to 50; Tonnes: 100 t → 50 t"
    )


def test_history_names_contracts_by_reference(store, qtbot, delivery) -> None:
    panel = _history(store, qtbot)
    panel.set_record("deliveries", delivery)
    assert "Contract: C-1;" in panel.table.item(0, 5).text()
    assert "Fills the tranche due: none;" in panel.table.item(0, 5).text()
    assert "serial_prefix" not in panel.table.item(0, 5).text()


def test_verify_reports_an_intact_log(store, qtbot, delivery) -> None:
    panel = _history(store, qtbot)
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.verify_result.text().startswith("Change log intact: 7 entries")


def test_verify_reports_tampering(store, qtbot, delivery, db) -> None:
    with db.atomic():
        db.execute("update deliveries set vintage = 2019 where id = ?", [delivery])
    panel = _history(store, qtbot)
    qtbot.mouseClick(panel.verify_button, Qt.MouseButton.LeftButton)
    assert panel.verify_result.text().startswith("Tampering detected:")
    assert "deliveries record 1" in panel.verify_result.text()


def test_settings_dialog_saves_thresholds_and_user(store, qtbot) -> None:
    dialog = AuditSettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.fields["shortfall_pct"].setValue(40)
    qtbot.keyClicks(dialog.user, "Erin Auditor")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert load_thresholds(store.db).shortfall_pct == 40
    assert user_name(store.db) == "Erin Auditor"


def test_a_higher_shortfall_threshold_clears_the_flag(store, qtbot, delivery) -> None:
    flags = FlagsPanel(store)
    qtbot.addWidget(flags)
    assert "CUMULATIVE_SHORTFALL" in [r.flag.rule for r in flags.reviewed]
    dialog = AuditSettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.fields["shortfall_pct"].setValue(70)
    dialog.save()
    assert "CUMULATIVE_SHORTFALL" not in [r.flag.rule for r in flags.reviewed]


def test_verification_dialog_adds_a_record_and_updates_the_status(store, qtbot, db) -> None:
    pending = make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )
    dialog = VerificationsDialog(store, pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.verifier, "Earthood")
    qtbot.keyClicks(dialog.verified_tonnes, "100")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Current status: Verified"
    assert dialog.table.item(0, 1).text() == "Earthood"
    assert queries.delivery(db, pending).verification_status.value == "verified"


def test_verification_dialog_shows_what_is_wrong_and_writes_nothing(store, qtbot, db) -> None:
    pending = make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )
    dialog = VerificationsDialog(store, pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.verifier, "Earthood")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    refusal = dialog.error_labels["verified_tonnes"]
    assert refusal.text() == "Verified quantity (t) is required when the outcome is verified"
    assert not refusal.isHidden()
    assert dialog.error.text() == ""
    assert dialog.table.rowCount() == 0


def test_verification_dialog_edits_and_deletes_the_selected_record(
    store, qtbot, db, monkeypatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_args: QMessageBox.StandardButton.Yes)
    pending = make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )
    dialog = VerificationsDialog(store, pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.verifier, "Earthood")
    qtbot.keyClicks(dialog.verified_tonnes, "100")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.table.selectRow(0)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("failed"))
    qtbot.mouseClick(dialog.update_button, Qt.MouseButton.LeftButton)
    assert dialog.table.item(0, 2).text() == "Failed"
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    assert dialog.status.text() == "Current status: Pending"


def test_deleting_a_verification_record_asks_first_and_no_keeps_it(
    store, qtbot, db, monkeypatch
) -> None:
    pending = make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )
    dialog = VerificationsDialog(store, pending)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.verifier, "Earthood")
    qtbot.keyClicks(dialog.verified_tonnes, "100")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    asked: list[str] = []

    def say_no(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", say_no)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete the verification record of 1/1/2027 by Earthood?"]
    assert dialog.table.rowCount() == 1


def test_verified_quantity_is_typed_right_aligned(store, qtbot, delivery) -> None:
    dialog = VerificationsDialog(store, delivery)
    qtbot.addWidget(dialog)
    assert dialog.verified_tonnes.alignment() & Qt.AlignmentFlag.AlignRight


def test_a_refused_change_log_name_is_named_by_its_label(store, qtbot) -> None:
    dialog = AuditSettingsDialog(store)
    qtbot.addWidget(dialog)
    dialog.user.setText("a\x00b")
    dialog.save()
    assert dialog.error.text() == "Name in the change log contains a NUL character"
    assert dialog.result() == 0  # not saved: the dialog stays for a correction
    assert user_name(store.db) == ""


def test_thresholds_are_shown_right_aligned(store, qtbot) -> None:
    dialog = AuditSettingsDialog(store)
    qtbot.addWidget(dialog)
    assert all(box.alignment() & Qt.AlignmentFlag.AlignRight for box in dialog.fields.values())


def test_tab_in_verification_records_goes_from_the_list_down_the_form(
    store, qtbot, delivery
) -> None:
    dialog = VerificationsDialog(store, delivery)
    qtbot.addWidget(dialog)
    dialog.show()
    visited = []
    widget = dialog.table
    for _ in range(8):
        visited.append(widget)
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus or widget.parent() in (
            dialog.verified_on,
        ):
            widget = widget.nextInFocusChain()
    assert visited == [
        dialog.table,
        dialog.verifier,
        dialog.verified_on,
        dialog.outcome,
        dialog.verified_tonnes,
        dialog.evidence,
        dialog.note,
        dialog.add_button,
    ]


def test_enter_saves_the_selected_verification_record_instead_of_adding_one(
    store, qtbot, db
) -> None:
    pending = make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )
    dialog = VerificationsDialog(store, pending)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.verifier, "Earthood")
    qtbot.keyClicks(dialog.verified_tonnes, "100")
    qtbot.keyClick(dialog.verified_tonnes, Qt.Key.Key_Return)
    assert dialog.table.rowCount() == 1

    dialog.table.selectRow(0)
    dialog.note.setText("site visit")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 5).text() == "site visit"
    assert not dialog.delete_button.isDefault()


def test_verification_dialog_names_a_delivery_whose_serials_are_still_to_come(
    store, qtbot, db
) -> None:
    awaiting = make_delivery(
        db, make_contract(db), serial_block="", reference="TX-77", delivered_on="2025-06-30"
    )
    dialog = VerificationsDialog(store, awaiting)
    qtbot.addWidget(dialog)
    assert dialog.heading.text() == (
        "Delivery TX-77 (serials to come): 100 t delivered on 6/30/2025"
    )
