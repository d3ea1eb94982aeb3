"""An empty ledger explains itself: the welcome page's three actions, Help ▸ Getting
started, and the keyboard reaching them."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.factories import make_contract
from tracker.store.queries import contracts
from tracker.ui.dialogs.records import ContractDialog
from tracker.ui.reports.registry_import import RegistryImportDialog

pytestmark = pytest.mark.gui


def test_an_empty_ledger_shows_the_welcome_page(window: Any, store: Any) -> None:
    assert window.overview.welcome.isVisible()
    assert not window.overview.figures.isVisible()
    make_contract(store.db)
    window.store.reset.emit()
    assert not window.overview.welcome.isVisible()
    assert window.overview.figures.isVisible()


def _press(qtbot: Any, window: Any, key: Qt.Key) -> None:
    """Alt+key, as typed into the window that has the focus (a button's mnemonic
    presses it the way a click does, released a moment later)."""
    window.activateWindow()
    qtbot.keyClick(window.focusWidget() or window, key, Qt.KeyboardModifier.AltModifier)


def test_load_the_demo_portfolio_with_alt_d(window: Any, store: Any, qtbot: Any) -> None:
    _press(qtbot, window, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: len(contracts(store.db)) == 5)
    assert not window.overview.welcome.isVisible()
    assert window.portfolio.proxy.rowCount() == 6  # All contracts and the five


def test_import_a_file_with_alt_i_opens_the_import_wizard(window: Any, qtbot: Any) -> None:
    _press(qtbot, window, Qt.Key.Key_I)
    qtbot.waitUntil(lambda: window.reports.dialog is not None)
    dialog = window.reports.dialog
    assert isinstance(dialog, RegistryImportDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)  # focus may lag offscreen
    assert not dialog.isVisible()


def test_new_contract_with_alt_n_opens_the_contract_form(window: Any, qtbot: Any) -> None:
    _press(qtbot, window, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: window.records.dialog is not None)
    dialog = window.records.dialog
    assert isinstance(dialog, ContractDialog)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.editors["reference"]
    dialog.reject()


def test_tab_reaches_the_three_actions_and_space_presses_them(
    window: Any, store: Any, qtbot: Any
) -> None:
    welcome = window.overview.welcome
    window.activateWindow()
    reached = []
    for _ in range(30):
        focused = window.focusWidget()
        reached.append(focused)
        if focused is welcome.demo_button:
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert reached[-1] is welcome.demo_button
    qtbot.keyClick(welcome.demo_button, Qt.Key.Key_Tab)
    assert window.focusWidget() is welcome.import_button
    qtbot.keyClick(welcome.import_button, Qt.Key.Key_Tab)
    assert window.focusWidget() is welcome.new_button
    for _ in range(2):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.focusWidget() is welcome.demo_button
    qtbot.keyClick(welcome.demo_button, Qt.Key.Key_Space)
    assert len(contracts(store.db)) == 5


def test_help_getting_started(window: Any) -> None:
    texts = [a.text() for a in window.menuBar().actions()]
    assert texts[-1] == "&Help"
    window.getting_started_action.trigger()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    box = next(b for b in boxes if b.isVisible())
    assert box.windowTitle() == "Getting started"
    assert "New contract" in box.text()
    box.close()
