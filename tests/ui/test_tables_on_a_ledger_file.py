"""Every table tab on a ledger file (pages read on a worker where they can be) shows its
records, for the whole portfolio and for one contract."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.lazy_table import LazySqlTableModel

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _pages_read_beside_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo is small: read its pages on the worker as a large ledger's are."""
    monkeypatch.setattr(LazySqlTableModel, "beside_from", 0)


@pytest.fixture
def file_window(demo_file_store: LedgerStore, qtbot: Any) -> Iterator[Any]:
    from tracker.ui.main_window import MainWindow

    main = MainWindow(demo_file_store)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    yield main
    for job in (main.overview.job, main.chart.job, main.audit.watcher):
        job.wait()


def _first_rows_shown(window: Any, tab: str) -> list[str]:
    window.show_tab(tab)
    panel = next(p for p in window.record_panels if p is window.tab_widget(tab))
    for job in panel.model.background_jobs():
        assert job.wait()
    model = panel.proxy
    rows = min(model.rowCount(), 3)
    return [model.index(row, 0).data() or "" for row in range(rows)]


@pytest.mark.parametrize("tab", ["schedule", "deliveries", "retirements", "invalidations"])
def test_each_table_shows_its_records_for_the_whole_portfolio(file_window: Any, tab: str) -> None:
    shown = _first_rows_shown(file_window, tab)
    assert shown
    assert all(text.startswith("MSFT-") for text in shown), shown


@pytest.mark.parametrize("tab", ["schedule", "deliveries"])
def test_each_table_shows_its_records_for_one_contract(file_window: Any, tab: str) -> None:
    contract = file_window.store.db.execute(
        "select id, reference from contracts where reference = 'MSFT-1PF-STRATOS-DAC'"
    ).fetchone()
    file_window.portfolio.select_contract(contract[0])
    shown = _first_rows_shown(file_window, tab)
    assert shown
    assert set(shown) == {contract[1]}
