"""A calendar pop-up for the forms' date fields, which still take typed ISO dates.

The record forms' date fields are line edits that behave like Qt's ``QDateEdit`` with
``calendarPopup`` and the display format ``yyyy-MM-dd``: a calendar button at their right
end, or Alt+Down / F4, opens a calendar on the field's date that writes the chosen day as
ISO; Up / Down step the year, month or day under the cursor, Page Up / Page Down the
month.  They are not ``QDateEdit`` itself because these forms need what it cannot give:

* an empty state — claim periods, verification dates and registry dates are optional,
  and ``QDateEdit`` always holds a date (its ``specialValueText`` trick stores a sentinel
  minimum date that typing then starts from);
* a refusal that names the field and what is wrong — ``QDateEdit`` silently refuses
  ``2031-13-01`` keystroke by keystroke and quietly fixes up ``2026-02-30`` on leaving
  the field, while the form shows "Term ends is not a valid date as YYYY-MM-DD" from the
  same domain parser the services and CSV import use;
* pasting or typing a whole ISO date over the old one — ``QDateEdit`` edits one section
  at a time.

Dialogs whose date is never empty (Figures as of, Save report, Verification records) use
:class:`DateEdit`: Qt's ``QDateEdit`` with a calendar pop-up, showing the date in the
window's format (``3/31/2026``, ``2026/3/31``) and also taking a whole date typed over it,
as ISO or in that format.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QObject,
    QPointF,
    Qt,
    QTime,
)
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QMouseEvent, QValidator
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
    QWidgetAction,
)

from tracker.ui import numbers

DATE_HINT = "YYYY-MM-DD"
_TYPING = re.compile(r"[\d\s\-/.年月日]*")  # a date being typed, in any of the forms taken


class DateEdit(QDateEdit):
    """A date that is never empty: the window's date format, a calendar pop-up, and a
    whole date typed or pasted over it taken as ISO (``2026-03-31``) or as shown."""

    def __init__(self, day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(QDate(day.year, day.month, day.day), parent)
        self.setDisplayFormat(numbers.date_format())
        self.setCalendarPopup(True)
        self.setAccessibleDescription(date_edit_description())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Down or F4 opens the calendar, as in the forms' date fields (Qt's own
        date edit opens it only from a click on its arrow)."""
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (event.key() == Qt.Key.Key_Down and alt) or event.key() == Qt.Key.Key_F4:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> None:
        """Pop the calendar up, as a click on the arrow at the right end does."""
        option = QStyleOptionComboBox()
        option.initFrom(self)
        option.editable = True
        option.subControls = QStyle.SubControl.SC_All
        arrow = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, self
        )
        point = QPointF(arrow.center())
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            click = QMouseEvent(
                kind,
                point,
                self.mapToGlobal(point),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QCoreApplication.sendEvent(self, click)

    def validate(self, text: str, pos: int) -> Any:
        found = super().validate(text, pos)
        state = found[0] if isinstance(found, tuple) else found
        if state == QValidator.State.Acceptable:
            return found
        if numbers.parse_day(text) is not None:
            return (QValidator.State.Acceptable, text, pos)
        if _TYPING.fullmatch(text):
            return (QValidator.State.Intermediate, text, pos)
        return found

    def dateTimeFromText(self, text: str) -> QDateTime:
        day = numbers.parse_day(text)
        if day is not None:
            return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
        return super().dateTimeFromText(text)

    def day(self) -> dt.date:
        shown = self.date()
        return dt.date(shown.year(), shown.month(), shown.day())


def attach_calendar(edit: QLineEdit) -> QAction:
    """Give ``edit`` a calendar button; return its action (tests trigger it)."""
    fallback = edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
    icon = QIcon.fromTheme("x-office-calendar", fallback)
    action = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(QCoreApplication.translate("DatePicker", "Choose a date (Alt+Down)"))
    action.triggered.connect(lambda _checked=False: open_calendar(edit))
    edit.installEventFilter(_CalendarKeys(edit))
    if not edit.accessibleDescription():
        edit.setAccessibleDescription(date_description())
    return action


def date_edit_description() -> str:
    """What a :class:`DateEdit` takes, for screen readers."""
    return QCoreApplication.translate(
        "DatePicker",
        "A date as the window shows dates, or as YYYY-MM-DD; Alt+Down opens a calendar",
    )


def date_description() -> str:
    """What a date field with a calendar expects, for screen readers."""
    return QCoreApplication.translate(
        "DatePicker", "A date as YYYY-MM-DD; Alt+Down opens a calendar"
    )


class _CalendarKeys(QObject):
    """The keys of Qt's date editors: Alt+Down or F4 opens the calendar; Up / Down step
    the part under the cursor, Page Up / Page Down the month."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QLineEdit):
            return False
        assert isinstance(event, QKeyEvent)
        key, alt = event.key(), event.modifiers() & Qt.KeyboardModifier.AltModifier
        if (key == Qt.Key.Key_Down and alt) or key == Qt.Key.Key_F4:
            open_calendar(watched)
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not alt:
            return step_date(watched, 1 if key == Qt.Key.Key_Up else -1)
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            return step_date(watched, 1 if key == Qt.Key.Key_PageUp else -1, "month")
        return False


def step_date(edit: QLineEdit, by: int, part: str | None = None) -> bool:
    """Move the field's date ``by`` years, months or days (the part under the cursor
    unless given, as in ``QDateEdit``); an empty field starts at today.  False when the
    field holds something that is not a date (the form reports it)."""
    text = edit.text().strip()
    if not text:
        write_date(edit, QDate.currentDate())
        return True
    day = QDate.fromString(text, Qt.DateFormat.ISODate)
    if not day.isValid() or len(text) != len(DATE_HINT):
        return False
    cursor = edit.cursorPosition()
    part = part or ("year" if cursor <= 4 else "month" if cursor <= 7 else "day")
    moved = {
        "year": day.addYears(by),
        "month": day.addMonths(by),
        "day": day.addDays(by),
    }[part]
    write_date(edit, moved)
    edit.setCursorPosition(cursor)
    return True


def write_date(edit: QLineEdit, day: QDate) -> None:
    """Put ``day`` in the field as ISO, checked by the form as if typed."""
    text = day.toString(Qt.DateFormat.ISODate)
    edit.setText(text)
    edit.textEdited.emit(text)


def open_calendar(edit: QLineEdit) -> QCalendarWidget:
    """Pop up a calendar under ``edit`` on its date (today when it holds none)."""
    menu = QMenu(edit)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    calendar = QCalendarWidget(menu)
    calendar.setAccessibleName(QCoreApplication.translate("DatePicker", "Calendar"))
    calendar.setGridVisible(True)
    typed = QDate.fromString(edit.text().strip(), Qt.DateFormat.ISODate)
    calendar.setSelectedDate(typed if typed.isValid() else QDate.currentDate())
    holder = QWidgetAction(menu)
    holder.setDefaultWidget(calendar)
    menu.addAction(holder)

    def chosen(day: QDate) -> None:
        write_date(edit, day)
        menu.close()
        edit.setFocus()

    calendar.clicked.connect(chosen)
    calendar.activated.connect(chosen)  # Enter on a day
    menu.popup(edit.mapToGlobal(edit.rect().bottomLeft()))
    calendar.setFocus()
    edit.setProperty("calendar", calendar)  # tests reach the open calendar
    return calendar
