"""A table's read on the worker that raises is shown once and leaves the table usable:
pages that failed are drawn empty (not "on their way" for ever, not asked again at every
repaint), a count that failed says so, and the next read of the table starts afresh."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tracker.store import record_pages
from tracker.ui.models.lazy_table import LazySqlTableModel
from tracker.ui.tables import RecordTablePanel

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _read_beside_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo is small: read it on the worker as a large ledger is, a page of 5 rows."""
    monkeypatch.setattr(LazySqlTableModel, "beside_from", 0)
    monkeypatch.setattr(LazySqlTableModel, "page_size", 5)


@pytest.fixture
def panel(demo_deliveries_panel: RecordTablePanel) -> RecordTablePanel:
    return demo_deliveries_panel


def _failing(monkeypatch: pytest.MonkeyPatch, name: str, calls: list[int]) -> None:
    """``record_pages.<name>`` raises the first time it is called (on the worker)."""
    original = getattr(record_pages, name)

    def once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("disk I/O error")
        return original(*args, **kwargs)

    monkeypatch.setattr(record_pages, name, once)


def _shown_ids(panel: RecordTablePanel) -> list[int | None]:
    model = panel.model
    return [model.record_id(row) for row in range(model.rowCount())]


def test_a_page_that_failed_is_drawn_empty_once_and_read_again_later(
    panel: RecordTablePanel, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    model = panel.model
    assert model.page_reader.wait()
    total = model.rowCount()
    assert total > model.page_size
    calls: list[int] = []
    _failing(monkeypatch, "rows_at", calls)
    model.reload()  # forget the pages: the view asks for them again

    with qtbot.capture_exceptions() as raised:
        panel.view.viewport().repaint()
        assert model.page_reader.wait()
        for _ in range(3):  # the view repaints: the failed pages are not asked again
            panel.view.viewport().repaint()
            assert model.page_reader.wait()

    assert [str(e[1]) for e in raised] == ["disk I/O error"]  # shown once
    assert len(calls) == 1
    assert not model.page_reader.busy  # nothing left "on its way"
    assert model.shown_value(0, "id") is None  # drawn empty meanwhile

    model.reload()  # the next read of the table (a change, a sort) starts afresh
    panel.view.viewport().repaint()
    assert model.page_reader.wait()
    assert model.shown_value(0, "id") is not None
    assert len(calls) > 1


def test_a_count_that_failed_says_so_and_the_next_filter_counts_again(
    panel: RecordTablePanel, monkeypatch: pytest.MonkeyPatch, qtbot: Any
) -> None:
    assert panel.model.page_reader.wait()
    calls: list[int] = []
    _failing(monkeypatch, "count", calls)

    with qtbot.capture_exceptions() as raised:
        panel.search.setText("stratos")
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
        assert panel.model.page_reader.wait()

    assert [str(e[1]) for e in raised] == ["disk I/O error"]
    assert not panel.model.counting
    assert panel.count.text() == "Records: could not be counted"
    assert panel.model.rowCount() == 0

    panel.search.setText("strat")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.model.page_reader.wait()
    assert panel.count.text().startswith("Records: ")
    assert panel.count.text() != "Records: could not be counted"
    assert panel.model.rowCount() > 0
    assert all(record_id is not None for record_id in _shown_ids(panel))
