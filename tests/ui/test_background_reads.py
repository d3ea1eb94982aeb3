"""On a ledger file the Overview figures and the chart series are read off the GUI thread."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from tests.factories import make_contract
from tracker.domain.quantities import format_tonnes_display
from tracker.services.summary import portfolio_summary
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store.database import open_database
from tracker.ui import overview as overview_module
from tracker.ui.background import BackgroundJob
from tracker.ui.chart import markers as markers_module
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models import schedule_table as schedule_module

pytestmark = pytest.mark.gui
AS_OF = dt.date(2026, 6, 30)


def test_figures_and_series_are_read_on_a_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    from tracker.ui.main_window import MainWindow

    path = tmp_path / "ledger.db"
    db = open_database(path)
    write_ledger(db, Spec(contracts=4, deliveries=200, retirements=40, seed=3))
    seen: list[tuple[str, threading.Thread]] = []
    for module, name in (
        (overview_module, "portfolio_summary"),
        (markers_module, "chart_series"),
        (schedule_module, "read_fills"),
    ):
        real = getattr(module, name)

        def recording(*args: object, _real: object = real, _name: str = name) -> object:
            seen.append((_name, threading.current_thread()))
            return _real(*args)  # type: ignore[operator]

        monkeypatch.setattr(module, name, recording)
    window = MainWindow(LedgerStore(db, path, AS_OF))
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    schedule = window.schedule.model
    for job in (window.overview.job, window.chart.job, window.audit.watcher, schedule.fills_job):
        assert job.wait()
    assert {name for name, _ in seen} == {"portfolio_summary", "chart_series", "read_fills"}
    assert all(thread is not threading.main_thread() for _, thread in seen)
    expected = sum(s.delivered_kg for s in portfolio_summary(db, AS_OF))
    assert window.overview.card_text("delivered") == f"{format_tonnes_display(expected)} t"
    assert window.chart.series.contracted_kg > 0
    delivered = [schedule.raw(row, "delivered_kg") for row in range(schedule.rowCount())]
    assert sum(kg or 0 for kg in delivered) > 0  # the fills arrived and were read in
    db.close()


def test_only_the_newest_request_is_applied(tmp_path: Path, qtbot: object, qapp: object) -> None:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    applied: list[str] = []
    job = BackgroundJob(LedgerStore(db, path, AS_OF), applied.append)
    started, release = threading.Event(), threading.Event()

    def slow(_db: object) -> str:
        started.set()
        release.wait(30)
        return "old"

    job.request(slow)
    assert started.wait(30)
    job.request(lambda _db: "middle")
    job.request(lambda _db: "new")
    release.set()
    assert job.wait()
    assert applied == ["new"]
    assert job.dropped == 1
    db.close()


def test_an_edit_re_reads_the_portfolio_chart_for_its_contract_only(
    tmp_path: Path, qtbot: object
) -> None:
    from tracker.services.form_data import delivery_input
    from tracker.services.series import chart_series
    from tracker.store import queries
    from tracker.ui import commands
    from tracker.ui.main_window import MainWindow

    path = tmp_path / "ledger.db"
    db = open_database(path)
    write_ledger(db, Spec(contracts=4, deliveries=200, retirements=40, seed=3))
    window = MainWindow(LedgerStore(db, path, AS_OF))
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert window.chart.job.wait()
    assert window.chart.kept.contracts_read == 4
    awaiting = db.execute("select min(id) from deliveries where serial_block is null")
    delivery = queries.delivery(db, awaiting.fetchone()[0])
    assert delivery.id is not None
    data = {**delivery_input(delivery), "tonnes": str((delivery.tonnes_kg + 2_500) / 1000)}
    commands.perform(window.store, commands.edit_delivery(window.store, delivery.id, data))
    qtbot.waitUntil(lambda: window.chart.kept.contracts_read > 4)  # type: ignore[attr-defined]
    assert window.chart.job.wait()
    assert window.chart.kept.contracts_read == 5  # the edited delivery's contract alone
    assert window.chart.series == chart_series(db, None, AS_OF)
    before = chart_series(db, None, AS_OF).delivered.total_kg
    window.store.undo_stack.undo()
    qtbot.waitUntil(lambda: window.chart.kept.contracts_read > 5)  # type: ignore[attr-defined]
    assert window.chart.job.wait()
    assert window.chart.series.delivered.total_kg == before - 2_500
    assert window.chart.kept.contracts_read == 6
    db.close()


def test_a_worker_reads_one_state_of_the_ledger_whatever_is_committed_meanwhile(
    tmp_path: Path, qtbot: object, qapp: object
) -> None:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    applied: list[tuple[int, int]] = []
    job = BackgroundJob(LedgerStore(db, path, AS_OF), applied.append)
    started, release = threading.Event(), threading.Event()

    def two_reads(reader: object) -> tuple[int, int]:
        count = "select count(*) from contracts"
        first = reader.execute(count).fetchone()[0]  # type: ignore[attr-defined]
        started.set()
        release.wait(30)
        return first, reader.execute(count).fetchone()[0]  # type: ignore[attr-defined]

    job.request(two_reads)
    assert started.wait(30)
    make_contract(db)  # the window commits an edit while the worker reads
    release.set()
    assert job.wait()
    assert applied == [(0, 0)]
    db.close()
