"""Reading and clicking the Flags view as a user sees it: severity headings with their
flags below, each row one finding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tracker.services.audit.review import ReviewedFlag
from tracker.ui.audit.flags_model import FLAG_ROLE, HEADING_ROLE
from tracker.ui.audit.flags_panel import FlagsPanel


def headings(panel: FlagsPanel) -> list[str]:
    """The severity headings shown, top to bottom."""
    panel.catch_up()  # as the tab is when shown
    model = panel.model
    return [
        model.index(r, 0).data()
        for r in range(model.rowCount())
        if model.index(r, 0).data(HEADING_ROLE) is not None
    ]


def texts(panel: FlagsPanel, row: int) -> list[str]:
    """What the row shows, column by column."""
    panel.catch_up()
    model = panel.model
    return [model.index(row, c).data() or "" for c in range(model.columnCount())]


def flag_rows(panel: FlagsPanel) -> list[int]:
    return panel.flag_rows()


def rows(panel: FlagsPanel) -> list[list[str]]:
    """Every flag row's texts, top to bottom (headings left out)."""
    return [texts(panel, r) for r in flag_rows(panel)]


def flag_of(panel: FlagsPanel, row: int) -> ReviewedFlag:
    panel.catch_up()
    found = panel.model.index(row, 0).data(FLAG_ROLE)
    assert found is not None, f"row {row} is not a flag"
    return found


def row_of_rule(panel: FlagsPanel, rule: str) -> int:
    """The first row showing a flag of ``rule`` (the code; the Rule column shows words)."""
    panel.catch_up()
    found = panel.model.row_of(lambda r: r.flag.rule == rule)
    if found is None:
        raise AssertionError(f"{rule} not shown")
    return found


def click(qtbot: QtBot, panel: FlagsPanel, row: int, double: bool = False) -> None:
    """Click (or double-click) the row's first visible cell, as the user would."""
    view = panel.view
    column = next(c for c in range(panel.model.columnCount()) if not view.isColumnHidden(c))
    index = panel.model.index(row, column)
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    if double:
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
