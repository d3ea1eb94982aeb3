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


def test_load_the_demo_portfolio_from_the_keyboard(window: Any, store: Any, qtbot: Any) -> None:
    welcome = window.overview.welcome
    welcome.demo_button.setFocus()
    qtbot.keyClick(welcome.demo_button, Qt.Key.Key_Space)
    assert len(contracts(store.db)) == 5
    assert not welcome.isVisible()
    assert window.portfolio.proxy.rowCount() == 6  # All contracts and the five


def test_import_a_file_opens_the_import_wizard(window: Any, qtbot: Any) -> None:
    qtbot.mouseClick(window.overview.welcome.import_button, Qt.MouseButton.LeftButton)
    dialog = window.reports.dialog
    assert isinstance(dialog, RegistryImportDialog)
    dialog.reject()


def test_new_contract_opens_the_contract_form(window: Any, qtbot: Any) -> None:
    window.overview.welcome.new_button.setFocus()
    qtbot.keyClick(window.overview.welcome.new_button, Qt.Key.Key_Space)
    dialog = window.records.dialog
    assert isinstance(dialog, ContractDialog)
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.editors["reference"]
    dialog.reject()


def test_help_getting_started(window: Any) -> None:
    texts = [a.text() for a in window.menuBar().actions()]
    assert texts[-1] == "&Help"
    window.getting_started_action.trigger()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    box = next(b for b in boxes if b.isVisible())
    assert box.windowTitle() == "Getting started"
    assert "New contract" in box.text()
    box.close()
