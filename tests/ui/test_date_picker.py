"""Date fields: a calendar pop-up, and typed ISO dates as before."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QTableView

from tests.ui.gui_helpers import fill

pytestmark = pytest.mark.gui


def _calendar(edit: QLineEdit) -> QCalendarWidget:
    calendar = edit.property("calendar")
    assert isinstance(calendar, QCalendarWidget)
    return calendar


@pytest.mark.qt_log_ignore("This plugin does not support")  # a pop-up, offscreen
def test_a_date_field_opens_a_calendar_on_its_date_and_takes_the_chosen_day(
    window: Any, qtbot: Any
) -> None:
    dialog = window.records.new_contract()
    qtbot.waitExposed(dialog)
    edit = dialog.editors["start_on"]
    fill(qtbot, dialog, {"start_on": "2026-03-31"})
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = _calendar(edit)
    assert calendar.selectedDate() == QDate(2026, 3, 31)
    calendar.setSelectedDate(QDate(2026, 4, 2))
    days = calendar.findChild(QTableView)  # the grid of days takes the keys
    qtbot.keyClick(days, Qt.Key.Key_Right)
    qtbot.keyClick(days, Qt.Key.Key_Return)
    assert edit.text() == "2026-04-03"
    assert dialog.error_labels["start_on"].isHidden()
    dialog.reject()


def test_typed_dates_still_work_and_bad_ones_are_reported(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog, {"end_on": "2031-13-01"})
    assert not dialog.error_labels["end_on"].isHidden()
    fill(qtbot, dialog, {"end_on": "2031-12-31"})
    assert dialog.error_labels["end_on"].isHidden()
    assert dialog.editors["end_on"].actions()  # the calendar button
    dialog.reject()


def test_up_and_down_step_the_part_under_the_cursor(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    qtbot.waitExposed(dialog)
    edit = dialog.editors["end_on"]
    fill(qtbot, dialog, {"end_on": "2026-01-31"})
    edit.setCursorPosition(10)  # in the day
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.text() == "2026-02-01"
    edit.setCursorPosition(6)  # in the month
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert edit.text() == "2026-01-01"
    edit.setCursorPosition(2)  # in the year
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.text() == "2027-01-01"
    qtbot.keyClick(edit, Qt.Key.Key_PageUp)  # a month
    assert edit.text() == "2027-02-01"
    assert dialog.error_labels["end_on"].isHidden()
    dialog.reject()


def test_up_in_an_empty_date_field_starts_at_today(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    qtbot.waitExposed(dialog)
    edit = dialog.editors["signed_on"]
    assert edit.text() == ""
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert edit.text() == QDate.currentDate().toString(Qt.DateFormat.ISODate)
    dialog.reject()


@pytest.mark.qt_log_ignore("This plugin does not support")  # a pop-up, offscreen
def test_escape_closes_the_calendar_and_keeps_the_form_open(window: Any, qtbot: Any) -> None:
    dialog = window.records.new_contract()
    qtbot.waitExposed(dialog)
    edit = dialog.editors["start_on"]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    calendar = _calendar(edit)
    menu = calendar.parentWidget()
    qtbot.waitExposed(menu)
    qtbot.keyClick(calendar.findChild(QTableView), Qt.Key.Key_Escape)
    assert not menu.isVisible()
    assert dialog.isVisible()
    assert edit.text() == ""
    dialog.reject()
