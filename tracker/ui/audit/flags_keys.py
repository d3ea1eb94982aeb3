"""The Flags view's keys, kept apart from the panel that fills it: Enter on a flag goes to
its record, as a double-click does.  (The panel fits its own columns: ``GIVE_WAY`` in
``flags_panel``.)
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from tracker.ui.audit.flags_panel import FlagsPanel


def enter_goes_to_the_record(panel: FlagsPanel) -> QAction:
    """Enter (or Return) on the selected flag emits the panel's ``navigate``."""

    def go() -> None:
        chosen = panel.selected()
        if chosen is None:
            return
        flag = chosen.flag
        if flag.subject_table and flag.subject_id is not None:
            panel.navigate.emit(flag.subject_table, flag.subject_id)

    action = QAction(panel.view)
    action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    action.triggered.connect(lambda _checked=False: go())
    panel.view.addAction(action)
    return action
