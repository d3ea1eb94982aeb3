"""A calendar pop-up for the forms' date fields, which still take typed ISO dates.

The fields stay line edits (typing ``2026-03-31`` works as before, and partial or empty
input is checked by the form); a calendar button at their right end, or Alt+Down / F4
as in Qt's own date editors, opens a calendar that writes the chosen day as ISO.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QMenu, QStyle, QWidgetAction

DATE_HINT = "YYYY-MM-DD"


def attach_calendar(edit: QLineEdit) -> QAction:
    """Give ``edit`` a calendar button; return its action (tests trigger it)."""
    fallback = edit.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView)
    icon = QIcon.fromTheme("x-office-calendar", fallback)
    action = edit.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
    action.setToolTip(QCoreApplication.translate("DatePicker", "Choose a date (Alt+Down)"))
    action.triggered.connect(lambda _checked=False: open_calendar(edit))
    edit.installEventFilter(_CalendarKeys(edit))
    if not edit.accessibleDescription():
        edit.setAccessibleDescription(
            QCoreApplication.translate(
                "DatePicker", "A date as YYYY-MM-DD; Alt+Down opens a calendar"
            )
        )
    return action


class _CalendarKeys(QObject):
    """Alt+Down or F4 in the field opens the calendar, as in Qt's date editors."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit):
            assert isinstance(event, QKeyEvent)
            alt_down = event.key() == Qt.Key.Key_Down and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                open_calendar(watched)
                return True
        return False


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
        text = day.toString(Qt.DateFormat.ISODate)
        edit.setText(text)
        edit.textEdited.emit(text)  # the form checks it as if typed
        menu.close()
        edit.setFocus()

    calendar.clicked.connect(chosen)
    calendar.activated.connect(chosen)  # Enter on a day
    menu.popup(edit.mapToGlobal(edit.rect().bottomLeft()))
    calendar.setFocus()
    edit.setProperty("calendar", calendar)  # tests reach the open calendar
    return calendar
