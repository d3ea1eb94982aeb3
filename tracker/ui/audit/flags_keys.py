"""The Flags view's columns and keys, kept apart from the panel that fills it.

Columns: each as wide as its text while the tree has room; when they do not all fit, the
message (shown in full below the tree) narrows first, then the subject, the contract and
the rule, then each a little more, so that no column runs past the tree's edge; the
message gets any width left over.  Keys: Enter on a flag goes to its record, as a
double-click does.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTableView

from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.fit_columns import ColumnFitter

RULE_COLUMN, CONTRACT_COLUMN, SUBJECT_COLUMN, MESSAGE_COLUMN = 0, 1, 2, 4
GIVE_WAY = ((MESSAGE_COLUMN, 300), (SUBJECT_COLUMN, 150), (CONTRACT_COLUMN, 120),
            (RULE_COLUMN, 160), (MESSAGE_COLUMN, 200), (SUBJECT_COLUMN, 110),
            (CONTRACT_COLUMN, 100), (MESSAGE_COLUMN, 160), (RULE_COLUMN, 120))  # fmt: skip


def fit_flag_columns(view: QTableView) -> ColumnFitter:
    """Keep the view's columns inside its width (it never scrolls sideways)."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return ColumnFitter(view, GIVE_WAY, growing=[MESSAGE_COLUMN])


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
