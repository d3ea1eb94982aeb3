"""Flags and History sort and filter like the other tables: a click on a header sorts
(severity groups stay in order), typing in the filter box keeps the matching rows."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from tracker.services.demo import load_demo
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


@pytest.fixture
def main(store: LedgerStore, window: Any) -> Any:
    load_demo(store.db)
    window.store.reset.emit()
    window.audit.watcher.evaluate()
    QApplication.processEvents()
    return window


def _click_header(qtbot: Any, header: QHeaderView, column: int) -> None:
    point = header.rect().topLeft()
    point.setX(header.sectionViewportPosition(column) + header.sectionSize(column) // 2)
    point.setY(header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=point)


def _shown_flags(window: Any, column: int) -> dict[str, list[str]]:
    """Severity heading -> the column's text of the flags shown under it, top to bottom."""
    panel = window.audit.flags
    shown: dict[str, list[str]] = {}
    heading = ""
    for row in range(panel.model.rowCount()):
        if panel.model.flag_at(row) is None:
            heading = str(panel.model.index(row, 0).data()).split(" — ")[0]
            continue
        shown.setdefault(heading, []).append(panel.model.index(row, column).data())
    return shown


def test_a_click_on_the_subject_header_sorts_flags_within_their_severity(
    main: Any, qtbot: Any
) -> None:
    main.show_tab("flags")
    header = main.audit.flags.view.horizontalHeader()
    _click_header(qtbot, header, 2)
    ascending = _shown_flags(main, 2)
    assert list(ascending) == ["Critical", "Warning"]
    assert ascending["Warning"] == sorted(ascending["Warning"])
    _click_header(qtbot, header, 2)
    descending = _shown_flags(main, 2)
    assert list(descending) == ["Critical", "Warning"]  # critical stays on top
    assert descending["Warning"] == sorted(ascending["Warning"], reverse=True)


def test_typing_in_the_flag_filter_keeps_the_matching_flags(main: Any, qtbot: Any) -> None:
    main.show_tab("flags")
    panel = main.audit.flags
    qtbot.keyClicks(panel.filter, "EXOMAD")
    shown = _shown_flags(main, 1)
    assert shown == {"Warning": ["MSFT-EXOMAD-BIOCHAR"]}  # the critical group is hidden
    panel.filter.clear()
    assert len(_shown_flags(main, 1)["Warning"]) > 1


def test_the_flag_filter_finds_a_rule_by_its_code(main: Any, qtbot: Any) -> None:
    main.show_tab("flags")
    qtbot.keyClicks(main.audit.flags.filter, "late_tranche")
    shown = _shown_flags(main, 0)
    assert set(shown) == {"Warning"}
    assert set(shown["Warning"]) == {"Tranche overdue"}


def _history_rows(window: Any, column: int) -> list[str]:
    table = window.audit.history.table
    return [
        table.item(r, column).text() for r in range(table.rowCount()) if not table.isRowHidden(r)
    ]


def test_a_click_on_the_number_header_turns_history_oldest_first(main: Any, qtbot: Any) -> None:
    main.show_tab("history")
    newest_first = [int(n) for n in _history_rows(main, 0)]
    assert newest_first == sorted(newest_first, reverse=True)
    _click_header(qtbot, main.audit.history.table.horizontalHeader(), 0)
    assert [int(n) for n in _history_rows(main, 0)] == sorted(newest_first)


def test_typing_in_the_history_filter_keeps_the_matching_entries(main: Any, qtbot: Any) -> None:
    main.show_tab("history")
    before = len(_history_rows(main, 4))
    qtbot.keyClicks(main.audit.history.filter, "retirement")
    records = _history_rows(main, 4)
    assert 0 < len(records) < before
    assert all("retirement" in r.casefold() for r in records)


def test_enter_on_a_flag_goes_to_its_record(main: Any, qtbot: Any) -> None:
    main.show_tab("flags")
    panel = main.audit.flags
    late = next(
        row
        for row in panel.flag_rows()
        if panel.model.index(row, 2).data().startswith("tranche due")
    )
    panel.view.setFocus()
    panel.select_row(late)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert main.tabs.currentWidget() is main.schedule
    assert main.schedule.selected_id() is not None
