"""Work a large portfolio brings is kept off the window's moments: a tab out of view does
not sort the flags that arrive for it, and Python's collector does not walk every object
with the interpreter lock held while a worker builds them."""

from __future__ import annotations

import gc
from typing import Any

import pytest
from PySide6.QtCore import QObject

from tracker.services.demo import load_demo
from tracker.ui.background import BackgroundJob, collector_paused
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


def test_flags_arriving_behind_another_tab_are_put_in_the_table_when_it_is_shown(
    store: LedgerStore, window: Any
) -> None:
    load_demo(store.db)
    window.show_tab("deliveries")
    panel = window.audit.flags
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    store.reset.emit()
    window.audit.watcher.evaluate()
    assert resets == []  # nothing sorted for a tab out of view
    assert "Open flags as of" in panel.counts.text()  # the counts follow at once
    window.show_tab("flags")
    assert len(resets) == 1
    assert panel.flag_rows()


def test_flags_arriving_for_the_tab_in_view_are_shown_at_once(
    store: LedgerStore, window: Any
) -> None:
    load_demo(store.db)
    window.show_tab("flags")
    panel = window.audit.flags
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    store.reset.emit()
    window.audit.watcher.evaluate()
    assert resets
    assert panel.model.rowCount() > 1


def test_a_worker_reads_with_the_collector_paused_and_it_runs_again_after(
    owner: QObject, demo_file_store: LedgerStore
) -> None:
    seen: list[bool] = []
    job = BackgroundJob(demo_file_store, lambda _result: None, owner)
    job.request(lambda _db: seen.append(gc.isenabled()))
    assert job.wait()
    assert seen == [False]
    assert gc.isenabled()


def test_overlapping_pauses_let_the_collector_run_only_when_the_last_ends() -> None:
    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_pause_leaves_a_collector_switched_off_elsewhere_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
