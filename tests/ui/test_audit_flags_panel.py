"""The Flags panel, driven as a user would: review, acknowledge, see flags reopen."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.factories import make_contract, make_delivery, retirement_data
from tests.ui.flag_rows import click, headings, row_of_rule, rows, texts
from tracker.services.retirements import retire
from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.audit.verifications_dialog import VerificationsDialog
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui
AS_OF = dt.date(2027, 1, 1)


@pytest.fixture
def store(db: sqlite_utils.Database, qtbot: QtBot) -> LedgerStore:
    return LedgerStore(db, None, AS_OF)


@pytest.fixture
def unverified(db: sqlite_utils.Database) -> int:
    """C-1 fully delivered, 10 t retired on 2025-09-30 from a pending delivery."""
    contract = make_contract(db, tonnes="100")
    delivery = make_delivery(
        db, contract, verification_status="pending", verifier="", verified_on=""
    )
    retire(db, contract, retirement_data())
    return delivery


def _panel(store: LedgerStore, qtbot: QtBot) -> FlagsPanel:
    panel = FlagsPanel(store)
    qtbot.addWidget(panel)
    panel.resize(1200, 500)
    panel.show()
    return panel


def _rows(panel: FlagsPanel) -> list[list[str]]:
    return rows(panel)


def _acknowledge(panel: FlagsPanel, qtbot: QtBot, rule: str, reason: str) -> None:
    click(qtbot, panel, row_of_rule(panel, rule))
    qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.reason, reason)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_flags_are_grouped_by_severity_with_counts(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    assert headings(panel)[0] == "Critical — 1 open of 1"
    assert "<b>1</b> Critical" in panel.counts.text()
    assert _rows(panel)[0][:4] == [
        "Retired before verification",
        "C-1",
        "retirement ACR-US-1-2025-1-1 to 10 on 9/30/2025",  # the window's date format
        "Open",
    ]


def test_the_reason_is_mandatory(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    click(qtbot, panel, row_of_rule(panel, "RETIRED_UNVERIFIED"))
    qtbot.mouseClick(panel.acknowledge_button, Qt.MouseButton.LeftButton)
    assert panel.dialog is not None
    assert not panel.dialog.ok_button.isEnabled()
    qtbot.keyClicks(panel.dialog.reason, "   ")
    assert not panel.dialog.ok_button.isEnabled()
    panel.dialog.reject()


def test_acknowledging_shows_the_flag_as_acknowledged(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    _acknowledge(panel, qtbot, "RETIRED_UNVERIFIED", "Registry confirmed by email")
    row = row_of_rule(panel, "RETIRED_UNVERIFIED")
    assert texts(panel, row)[3] == "Acknowledged"
    assert headings(panel)[0] == "Critical — 0 open of 1"
    click(qtbot, panel, row)
    assert "Registry confirmed by email" in panel.detail.text()


def test_acknowledge_then_change_the_numbers_reopens_the_flag(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    _acknowledge(panel, qtbot, "RETIRED_UNVERIFIED", "Verification is under way")
    dialog = VerificationsDialog(store, unverified)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.verifier, "DNV")
    qtbot.keyClicks(dialog.verified_tonnes, "100")
    dialog.verified_on.setDate(dialog.verified_on.date().fromString("2025-10-01", "yyyy-MM-dd"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    shown = texts(panel, row_of_rule(panel, "RETIRED_UNVERIFIED"))
    assert shown[3] == "Reopened"
    assert "which was only verified on 10/1/2025" in shown[4]
    assert headings(panel)[0] == "Critical — 1 open of 1"


def test_double_click_asks_to_go_to_the_record(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.navigate, timeout=1000) as signal:
        click(qtbot, panel, row_of_rule(panel, "RETIRED_UNVERIFIED"), double=True)
    assert signal.args == ["retirements", 1]


def test_set_contract_shows_only_that_contract(store, qtbot, unverified, db) -> None:
    other = make_contract(db, reference="C-2")
    panel = _panel(store, qtbot)
    panel.set_contract(other)
    assert {row[1] for row in _rows(panel)} == {"C-2"}


def test_changing_the_as_of_date_refreshes(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    store.set_as_of(dt.date(2025, 9, 1))
    assert "as of 9/1/2025" in panel.counts.text()
    assert "Retired before verification" not in [row[0] for row in _rows(panel)]


def test_hiding_acknowledged_flags(store, qtbot, unverified) -> None:
    panel = _panel(store, qtbot)
    _acknowledge(panel, qtbot, "RETIRED_UNVERIFIED", "Accepted")
    qtbot.mouseClick(panel.show_acknowledged, Qt.MouseButton.LeftButton)
    assert "Retired before verification" not in [row[0] for row in _rows(panel)]


def test_the_panel_renders(store, qtbot, unverified, tmp_path) -> None:
    panel = _panel(store, qtbot)
    target = tmp_path / "flags.png"
    assert panel.grab().save(str(target))
    assert target.stat().st_size > 0
