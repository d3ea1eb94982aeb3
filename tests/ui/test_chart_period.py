"""The chart opens on the period that has deliveries; "Whole term" shows the rest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tracker.services.demo import load_demo
from tracker.services.series import epoch_seconds
from tracker.store.database import open_database
from tracker.ui.chart.panel import ChartPanel
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


def test_the_chart_opens_on_the_deliveries_and_whole_term_shows_the_schedule(
    store: LedgerStore, qtbot: Any
) -> None:
    load_demo(store.db)
    panel = ChartPanel(store)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    panel.set_contract(None)
    view = panel.plot_item.getViewBox()
    left, right = view.viewRange()[0]
    first = panel.series.records["delivered"].epochs[0]
    assert left <= first
    assert right <= epoch_seconds(dt.date(2028, 3, 1))  # a year after the as-of date
    top = view.viewRange()[1][1]
    assert top < panel.series.contracted_kg / 1000  # the deliveries fill the height

    qtbot.mouseClick(panel.whole_term_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.viewRange()[0][1] >= epoch_seconds(dt.date(2037, 1, 1)))
    assert view.viewRange()[1][1] >= panel.series.contracted_kg / 1000


def test_a_chart_without_deliveries_shows_the_whole_term(store: LedgerStore, qtbot: Any) -> None:
    panel = ChartPanel(store)
    qtbot.addWidget(panel)
    panel.set_contract(None)
    assert panel._focus is None


def test_on_a_ledger_file_the_chart_opens_on_the_deliveries_once_they_are_read(
    tmp_path: Path, qtbot: Any
) -> None:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    load_demo(db)
    store = LedgerStore(db, path, dt.date(2027, 1, 1))
    panel = ChartPanel(store)  # reads its series on a worker (a ledger file)
    qtbot.addWidget(panel)
    panel.resize(900, 500)
    panel.show()
    before = panel.refresh_count
    panel.set_contract(None)
    qtbot.waitUntil(lambda: panel.refresh_count > before)
    right = panel.plot_item.getViewBox().viewRange()[0][1]
    assert right <= epoch_seconds(dt.date(2028, 3, 1))  # not the schedule's last year
    panel.job.wait()
    db.close()
