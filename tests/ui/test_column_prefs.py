"""Column choice and order per table, kept in Qt's settings for the next window."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.ui.column_prefs import column_menu
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_hidden_and_moved_columns_are_remembered(window: Any, store: Any, qtbot: Any) -> None:
    view = window.deliveries.view
    header = view.horizontalHeader()
    vintage = window.deliveries.model.column_of("vintage")
    verifier = window.deliveries.model.column_of("verification_status")
    menu = column_menu(view, "deliveries")
    entry = next(a for a in menu.actions() if a.text() == "Vintage")
    entry.trigger()  # unchecks: hides the column
    assert header.isSectionHidden(vintage)
    header.moveSection(header.visualIndex(verifier), 0)
    menu.close()

    again = MainWindow(store)
    qtbot.addWidget(again)
    other = again.deliveries.view.horizontalHeader()
    assert other.isSectionHidden(vintage)
    assert other.logicalIndex(0) == verifier


def test_the_last_column_shown_cannot_be_hidden(window: Any) -> None:
    view = window.invalidations.view
    for column in range(1, view.model().columnCount()):
        view.setColumnHidden(column, True)
    view.setColumnHidden(0, False)
    menu = column_menu(view, "invalidations")
    enabled = [a for a in menu.actions() if a.isChecked()]
    assert len(enabled) == 1
    assert not enabled[0].isEnabled()
    menu.close()
