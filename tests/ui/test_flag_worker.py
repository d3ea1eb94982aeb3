"""On a ledger file the audit rules run on a worker thread; outdated results are dropped."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from tracker.services.audit import review
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store.database import open_database
from tracker.ui.audit import rule_worker
from tracker.ui.audit import watcher as watcher_module
from tracker.ui.audit.watcher import FlagWatcher
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui
AS_OF = dt.date(2026, 6, 30)
EARLY = dt.date(2023, 1, 1)


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[tuple[sqlite_utils.Database, Path]]:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    write_ledger(db, Spec(contracts=6, deliveries=600, retirements=150, seed=9))
    yield db, path
    db.close()


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The thread of every rule evaluation, whole or of the contracts a change touched."""
    seen: list[threading.Thread] = []
    for module, name in (
        (rule_worker, "evaluate"),
        (rule_worker, "evaluate_changed"),
        (watcher_module, "evaluate"),
    ):
        real = getattr(module, name)

        def recording(*args: object, _real: object = real, **kwargs: object) -> object:
            seen.append(threading.current_thread())
            return _real(*args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(module, name, recording)
    return seen


def test_the_gui_thread_never_runs_a_rule(
    ledger: tuple[sqlite_utils.Database, Path], threads: list[threading.Thread], qtbot: object
) -> None:
    db, path = ledger
    store = LedgerStore(db, path, AS_OF)
    watcher = FlagWatcher(store)
    assert watcher.in_background
    assert watcher.wait()
    store.set_as_of(EARLY)  # a change: evaluated again
    assert watcher.wait()
    assert len(threads) == 2
    assert all(t is not threading.main_thread() for t in threads)
    assert watcher.last_run is not None
    assert watcher.last_run.thread_name != threading.main_thread().name
    expected = [r.flag.key for r in review.reviewed_flags(db, EARLY)]
    assert [r.flag.key for r in watcher.reviewed] == expected


def test_the_counts_the_window_shows_are_counted_on_the_worker(
    ledger: tuple[sqlite_utils.Database, Path], monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    db, path = ledger
    seen: list[threading.Thread] = []
    real = review.digest

    def recording(reviewed: list[review.ReviewedFlag]) -> review.FlagDigest:
        seen.append(threading.current_thread())
        return real(reviewed)

    monkeypatch.setattr(review, "digest", recording)
    store = LedgerStore(db, path, AS_OF)
    watcher = FlagWatcher(store)
    assert watcher.wait()
    assert seen
    assert all(t is not threading.main_thread() for t in seen)
    assert watcher.digest.counts() == review.counts_by_severity(watcher.reviewed)


def test_a_result_for_an_outdated_state_is_dropped(
    ledger: tuple[sqlite_utils.Database, Path], monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    db, path = ledger
    release = threading.Event()
    real = rule_worker.evaluate

    def slow_first(*args: object, **kwargs: object) -> object:
        result = real(*args, **kwargs)  # type: ignore[arg-type]
        release.wait(30)  # the first run finishes only after the ledger moved on
        return result

    monkeypatch.setattr(rule_worker, "evaluate", slow_first)
    store = LedgerStore(db, path, AS_OF)
    published: list[list[str]] = []
    watcher = FlagWatcher(store)
    watcher.updated.connect(lambda reviewed: published.append([r.flag.key for r in reviewed]))
    assert watcher.pending
    store.set_as_of(EARLY)  # a new generation while the first run is still busy
    qtbot.wait(20)  # type: ignore[attr-defined]
    release.set()
    assert watcher.wait()
    assert watcher.dropped == 1
    assert published == [[r.flag.key for r in review.reviewed_flags(db, EARLY)]]
    assert watcher.evaluations == 1


def test_the_window_shows_a_busy_sign_while_flags_are_checked(
    ledger: tuple[sqlite_utils.Database, Path], threads: list[threading.Thread], qtbot: object
) -> None:
    from tracker.ui.main_window import MainWindow

    db, path = ledger
    window = MainWindow(LedgerStore(db, path, AS_OF))
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show()
    busy = window.audit.busy
    assert not busy.isHidden()
    assert window.audit.watcher.wait()
    assert busy.isHidden()
    assert window.audit.watcher.reviewed
    assert all(t is not threading.main_thread() for t in threads)


def test_an_in_memory_ledger_is_evaluated_on_the_spot(
    db: sqlite_utils.Database, threads: list[threading.Thread], qapp: object
) -> None:
    watcher = FlagWatcher(LedgerStore(db, None, AS_OF))
    assert not watcher.in_background
    assert not watcher.pending
    assert threads == [threading.main_thread()]


def test_the_whole_evaluation_reads_on_two_connections_off_the_gui_thread(
    ledger: tuple[sqlite_utils.Database, Path], monkeypatch: pytest.MonkeyPatch, qtbot: object
) -> None:
    """The retirement and serial rules on a second connection beside the worker's, in
    the same state of the ledger: the same flags as evaluated in one go."""
    from tracker.services.audit import engine

    db, path = ledger
    ran_on: dict[str, set[str]] = {}
    for code, (severity, rule) in list(engine.RULES.items()):

        def watched(ctx: object, rule: engine.Rule = rule, code: str = code) -> object:
            ran_on.setdefault(code, set()).add(threading.current_thread().name)
            return rule(ctx)  # type: ignore[arg-type]

        monkeypatch.setitem(engine.RULES, code, (severity, watched))
    watcher = FlagWatcher(LedgerStore(db, path, AS_OF))
    assert watcher.wait()

    beside = {code for code, names in ran_on.items() if names == {"rules-beside"}}
    assert beside == engine.BESIDE
    assert not any(threading.main_thread().name in names for names in ran_on.values())
    expected = [r.flag for r in review.reviewed_flags(db, AS_OF)]
    assert [r.flag for r in watcher.reviewed] == expected
