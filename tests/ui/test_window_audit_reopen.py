"""Acknowledge a flag, change the numbers through the record forms, watch it reopen —
and undo the change to see the acknowledgement hold again.  All driven as a user would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.gui_helpers import fill, press_ok
from tests.ui.test_window_audit import (
    COOKSTOVES,
    _acknowledge,
    _contract_id,
    _group_titles,
    _shortfall,
    _shortfall_row,
    demo,
    main,
)

pytestmark = pytest.mark.gui
__all__ = ["demo", "main"]  # fixtures shared with the window-level audit tests


def test_a_delivery_entered_in_the_form_reopens_the_flag_and_undo_restores_it(
    main: Any, qtbot: QtBot
) -> None:
    _acknowledge(qtbot, main, _shortfall_row(main), "Supplier plan agreed in amendment 2")
    qtbot.waitUntil(lambda: _shortfall(main)[3] == "Acknowledged")

    main.select_contract(_contract_id(main.store, COOKSTOVES))
    main.show_tab("deliveries")
    qtbot.mouseClick(main.deliveries.add_button, Qt.MouseButton.LeftButton)
    fill(
        qtbot,
        main.records.dialog,
        {
            "delivered_on": "2026-11-30",
            "tonnes": "500",
            "vintage": "2026",
            "serial_block": "GS1-1-UG-GS11236-16-2026-40000-1-500",
            "verification_status": "verified",
            "verifier": "Earthood",
            "verified_on": "2026-12-15",
            "reference": "GS-TX-NEW",
        },
    )
    press_ok(qtbot, main.records.dialog)

    main.show_tab("flags")
    qtbot.waitUntil(lambda: _shortfall(main)[3] == "Reopened")
    assert "10,500 t delivered" in _shortfall(main)[4]
    assert _group_titles(main)[0] == "Critical — 1 open of 1"

    main.undo_action.trigger()
    qtbot.waitUntil(lambda: _shortfall(main)[3] == "Acknowledged")
    assert _group_titles(main)[0] == "Critical — 0 open of 1"
