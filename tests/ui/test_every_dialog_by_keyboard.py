"""Every dialog used with the keyboard alone, and named for screen readers: the cursor
starts in a control, Tab reaches every input and button in the order they are on screen,
Escape closes; every input and table of the window and its dialogs has an accessible
name, every table a description."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTabBar,
    QWidget,
)

from tests.ui.dialog_openers import dialog_openers, show_a_delivery
from tracker.services.demo import load_demo
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import TAB_NAMES, MainWindow

pytestmark = pytest.mark.gui

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QAbstractItemView)
DESCRIBED = (*INPUTS, QCheckBox, QRadioButton)  # a check box is named by its text
ROW_TOLERANCE = 8  # pixels: widgets this close in height are on one row
PARTS_OF_ANOTHER = (QAbstractSpinBox, QComboBox, QAbstractItemView, QLineEdit, QTabBar)


@pytest.fixture
def demo(store: LedgerStore, qtbot: Any) -> MainWindow:
    load_demo(store.db)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.audit.watcher.evaluate()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    show_a_delivery(window)
    return window


def _own(top: QWidget, kinds: tuple[type, ...]) -> list[QWidget]:
    """Visible, enabled widgets of ``top`` of these kinds (not the parts of a combo box,
    spin box, table or line edit)."""
    found = []
    for widget in top.findChildren(QWidget):
        parent = widget.parentWidget()
        if not isinstance(widget, kinds) or widget.window() is not top:
            continue
        if isinstance(parent, PARTS_OF_ANOTHER) or (
            parent is not None and isinstance(parent.parentWidget(), QAbstractItemView)
        ):
            continue
        if widget.isVisibleTo(top) and widget.isEnabled():
            found.append(widget)
    return found


def _tabbed_through(qtbot: Any, dialog: QWidget, presses: int) -> list[QWidget]:
    visited: list[QWidget] = []
    for _ in range(presses):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return visited


def _reached(widget: QWidget, visited: list[QWidget]) -> bool:
    if any(v is widget or widget.isAncestorOf(v) for v in visited):
        return True
    if isinstance(widget, QRadioButton) and widget.autoExclusive():  # arrows move within
        siblings = widget.parentWidget().findChildren(QRadioButton)
        return any(s in visited for s in siblings)
    return False


def test_every_dialog_is_used_with_the_keyboard_alone(demo: MainWindow, qtbot: Any) -> None:
    problems: list[str] = []
    for name, open_dialog in dialog_openers(demo):
        dialog = open_dialog()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        QApplication.processEvents()
        focused = QApplication.focusWidget()
        if focused is None or focused.window() is not dialog:
            problems.append(f"{name}: the cursor is not in the dialog")
            dialog.close()
            continue
        controls = _own(dialog, (*INPUTS, QAbstractButton))
        visited = _tabbed_through(qtbot, dialog, 2 * len(controls) + 2)
        problems += [
            f"{name}: Tab never reaches {type(c).__name__} {c.objectName() or c.accessibleName()!r}"
            for c in controls
            if not _reached(c, visited)
        ]
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        if dialog.isVisible():
            problems.append(f"{name}: Escape does not close it")
            dialog.close()
        QApplication.processEvents()
    assert not problems, "\n".join(problems)


def _tab_cycle(qtbot: Any, dialog: QWidget) -> list[QWidget]:
    """The widgets Tab visits, from the one with the cursor until it comes round again."""
    cycle: list[QWidget] = []
    for _ in range(80):
        focused = QApplication.focusWidget()
        if focused is None or focused in cycle:
            break
        cycle.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    return cycle


def _backward_steps(dialog: QWidget, cycle: list[QWidget]) -> list[str]:
    """Steps of the cycle that go up the screen, or left along a row."""
    where = [(w.mapTo(dialog, QPoint(0, 0)), w) for w in cycle]
    steps = []
    for (a, wa), (b, wb) in pairwise(where):
        same_row = abs(b.y() - a.y()) <= ROW_TOLERANCE
        if b.y() < a.y() - ROW_TOLERANCE or (same_row and b.x() < a.x()):
            steps.append(f"{_name(wa)} -> {_name(wb)}")
    return steps


def _name(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.objectName() or widget.accessibleName() or text or type(widget).__name__


def test_tab_follows_every_dialog_from_top_to_bottom(demo: MainWindow, qtbot: Any) -> None:
    problems: list[str] = []
    for name, open_dialog in dialog_openers(demo):
        dialog = open_dialog()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        QApplication.processEvents()
        back = _backward_steps(dialog, _tab_cycle(qtbot, dialog))
        if len(back) > 1:  # once round, from the last button to the first field
            problems.append(f"{name}: {', '.join(back)}")
        dialog.close()
    assert not problems, "\n".join(problems)


def _spoken(widget: QWidget) -> str:
    """What a screen reader calls the widget: its accessible name, else its text."""
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return widget.accessibleName() or text


def _unnamed(top: QWidget) -> list[str]:
    """Inputs and tables without an accessible name; inputs, tables, check boxes and
    radio buttons without a description (what the field expects or does)."""
    return [
        f"{type(w).__name__} {w.objectName()!r}"
        for w in _own(top, INPUTS)
        if not w.accessibleName().strip()
    ] + [
        f"{type(w).__name__} {w.objectName()!r} ({_spoken(w)}) has no description"
        for w in _own(top, DESCRIBED)
        if (w.accessibleName().strip() or not isinstance(w, INPUTS))
        and not w.accessibleDescription().strip()
    ]


def test_every_input_and_table_has_an_accessible_name(demo: MainWindow, qtbot: Any) -> None:
    problems: list[str] = []
    for name in TAB_NAMES:
        demo.show_tab(name)
        QApplication.processEvents()
        problems += [f"window {name}: {p}" for p in _unnamed(demo)]
    for name, open_dialog in dialog_openers(demo):
        dialog = open_dialog()
        qtbot.waitExposed(dialog)
        problems += [f"{name}: {p}" for p in _unnamed(dialog)]
        dialog.close()
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_name_check_sees_an_unnamed_field(qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    named = QLineEdit(dialog)
    named.setAccessibleName("Named")
    named.setAccessibleDescription("What it expects")
    QLineEdit(dialog).setObjectName("nameless")
    assert _unnamed(dialog) == ["QLineEdit 'nameless'"]


def test_the_name_check_sees_an_undescribed_field(qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit(dialog)
    field.setObjectName("field_tonnes")
    field.setAccessibleName("Tonnes")
    box = QCheckBox("Show acknowledged", dialog)
    box.setObjectName("show_acknowledged")
    assert _unnamed(dialog) == [
        "QLineEdit 'field_tonnes' (Tonnes) has no description",
        "QCheckBox 'show_acknowledged' (Show acknowledged) has no description",
    ]


def test_the_order_check_sees_tab_going_up_the_screen(qtbot: Any) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fields = [QLineEdit(dialog) for _ in range(3)]
    for row, field in enumerate(fields):
        field.setObjectName(f"row{row}")
        field.move(10, 10 + 40 * row)
    QWidget.setTabOrder(fields[2], fields[1])
    QWidget.setTabOrder(fields[1], fields[0])
    assert _backward_steps(dialog, [fields[2], fields[1], fields[0]]) == [
        "row2 -> row1",
        "row1 -> row0",
    ]
