"""After a change the window's flags are evaluated again for the contracts it named only,
and come out the same as evaluating the whole portfolio."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils

from tracker.domain.changes import ChangeSet
from tracker.services.audit import review
from tracker.services.audit.engine import evaluate
from tracker.services.audit.settings import load_thresholds, save_settings
from tracker.services.contracts import update_contract
from tracker.services.form_data import contract_input, delivery_input
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import queries
from tracker.store.database import open_database
from tracker.ui import commands
from tracker.ui.audit import rule_worker
from tracker.ui.audit.watcher import FlagWatcher
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui
AS_OF = dt.date(2026, 6, 30)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LedgerStore]:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    write_ledger(db, Spec(contracts=12, deliveries=480, retirements=120, seed=9))
    yield LedgerStore(db, path, AS_OF)
    db.close()


def _edit_a_delivery(store: LedgerStore, kg: int = 50_000) -> int:
    db = store.db
    found = db.execute("select min(id) from deliveries where serial_block is null").fetchone()
    delivery = queries.delivery(db, found[0])
    data = {**delivery_input(delivery), "tonnes": str((delivery.tonnes_kg + kg) / 1000)}
    commands.perform(store, commands.edit_delivery(store, found[0], data))
    return delivery.contract_id


def _keys(db: sqlite_utils.Database) -> list[str]:
    return [f.key for f in evaluate(db, AS_OF)]


def test_an_edit_evaluates_its_contract_only(store: LedgerStore, qtbot: object) -> None:
    watcher = FlagWatcher(store)
    assert watcher.wait()
    assert watcher.last_run is not None
    assert watcher.last_run.changed is None  # all at first
    contract = _edit_a_delivery(store)
    assert watcher.wait()
    assert watcher.last_run.changed == frozenset({contract})
    assert watcher.last_run.thread_name != threading.main_thread().name
    assert [r.flag.key for r in watcher.reviewed] == _keys(store.db)
    assert watcher.reviewed == review.reviewed_flags(store.db, AS_OF)


def test_new_thresholds_evaluate_everything(store: LedgerStore, qtbot: object) -> None:
    watcher = FlagWatcher(store)
    assert watcher.wait()
    thresholds = load_thresholds(store.db)
    stricter = dataclasses.replace(thresholds, unverified_stale_days=30)
    store.notify(save_settings(store.db, stricter))
    assert load_thresholds(store.db) == stricter
    assert watcher.wait()
    assert watcher.last_run is not None
    assert watcher.last_run.changed is None
    assert watcher.reviewed == review.reviewed_flags(store.db, AS_OF)


def test_an_acknowledgement_runs_no_rule(
    store: LedgerStore, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    watcher = FlagWatcher(store)
    assert watcher.wait()
    evaluated: list[object] = []
    real = rule_worker.evaluate_changed

    def recording(db: object, as_of: object, previous: object, changed: frozenset[int]) -> object:
        evaluated.append(changed)
        return real(db, as_of, previous, changed)  # type: ignore[arg-type]

    monkeypatch.setattr(rule_worker, "evaluate_changed", recording)
    first = watcher.reviewed[0].flag
    store.notify(review.acknowledge(store.db, first, "accepted for now"))
    assert watcher.wait()
    assert evaluated == [frozenset()]  # no contract changed: the flags are kept
    assert watcher.reviewed[0].status is review.FlagStatus.ACKNOWLEDGED
    assert watcher.reviewed == review.reviewed_flags(store.db, AS_OF)


def test_contracts_changed_during_a_dropped_run_are_all_evaluated(
    store: LedgerStore, qtbot: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    watcher = FlagWatcher(store)
    assert watcher.wait()
    entered, release = threading.Event(), threading.Event()
    real = rule_worker.evaluate_changed

    def slow_first(*args: object) -> object:
        entered.set()
        result = real(*args)  # type: ignore[arg-type]
        release.wait(30)  # finishes only after the ledger moved on
        return result

    monkeypatch.setattr(rule_worker, "evaluate_changed", slow_first)
    first = _edit_a_delivery(store)
    qtbot.waitUntil(entered.is_set)  # type: ignore[attr-defined]
    last = store.db.execute("select max(id) from contracts").fetchone()[0]
    assert last != first
    store.notify(_terminate(store, last))
    monkeypatch.setattr(rule_worker, "evaluate_changed", real)
    release.set()
    assert watcher.wait()
    assert watcher.dropped == 1
    assert watcher.last_run is not None
    assert watcher.last_run.changed == frozenset({first, last})
    assert watcher.reviewed == review.reviewed_flags(store.db, AS_OF)


def _terminate(store: LedgerStore, contract_id: int) -> ChangeSet:
    """Terminate a contract (a change naming it)."""
    contract = queries.contract(store.db, contract_id)
    data = {**contract_input(contract), "status": "terminated"}
    return update_contract(store.db, contract_id, data)[1]
