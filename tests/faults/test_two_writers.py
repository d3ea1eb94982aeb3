"""Fault suite — figure: one writer and no lost update.  A second writer is refused with
the holder's name, a crashed holder's lock is taken over, a stale edit is refused, a busy
file gives a message, and a window reloads another process's import."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import contract_data, make_contract
from tests.faults.helpers import demo_ledger, run
from tracker.services.contracts import update_contract
from tracker.services.undo import record_as_stored
from tracker.store.database import open_database
from tracker.store.lock import LedgerLock, LockHeld, lock_path, read_holder
from tracker.store.unit_of_work import BusyError, StaleEditError, UnitOfWork, expecting

ROOT = Path(__file__).resolve().parents[2]
HOLD_SCRIPT = """
import sys, time
from pathlib import Path
from tracker.store.lock import LedgerLock
lock = LedgerLock(Path(sys.argv[1]), "Carbon Tracker window").acquire()
print("held", flush=True)
time.sleep(60)
"""


def _holder_process(ledger: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_SCRIPT, str(ledger)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_a_second_writer_is_refused_naming_the_holder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    holder = _holder_process(ledger)
    try:
        code, _, err = run(capsys, "--db", str(ledger), "demo")
        assert code == 1
        assert f"process {holder.pid}" in err
        assert "Carbon Tracker window" in err
        assert "read-only" in err
        assert run(capsys, "--db", str(ledger), "summary")[0] == 0  # reading still works
    finally:
        holder.kill()
        holder.wait()


def test_a_stale_lock_is_taken_over_after_the_holder_is_killed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    holder = _holder_process(ledger)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert read_holder(ledger) is not None  # the crash left the lock file behind
    code, _, err = run(capsys, "--db", str(ledger), "backup")
    assert code == 0
    assert "took over a stale lock" in err
    assert not lock_path(ledger).exists()  # released again when the command ended


def test_a_second_window_in_the_same_process_is_refused(tmp_path: Path) -> None:
    ledger = demo_ledger(tmp_path / "ledger.db")
    with LedgerLock(ledger), pytest.raises(LockHeld, match="is open for writing by"):
        LedgerLock(ledger).acquire()


def test_a_stale_edit_is_refused_as_changed_elsewhere(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    window_a = open_database(ledger)
    contract_id = make_contract(window_a)
    as_read = record_as_stored(window_a, "contracts", contract_id)  # A opens the editor
    window_b = open_database(ledger)
    update_contract(window_b, contract_id, contract_data(buyer="Changed by B"))
    with (
        expecting({("contracts", contract_id): as_read}),
        pytest.raises(StaleEditError, match="changed elsewhere"),
    ):
        update_contract(window_a, contract_id, contract_data(notes="A's edit"))
    assert record_as_stored(window_b, "contracts", contract_id)["buyer"] == "Changed by B"
    window_a.close()
    window_b.close()


def test_a_busy_ledger_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger.db"
    db = open_database(ledger)
    db.execute("pragma busy_timeout = 100")
    other = sqlite3.connect(ledger)
    other.execute("begin immediate")  # another program is writing
    try:
        started = time.monotonic()
        with pytest.raises(BusyError, match="the ledger is busy"), UnitOfWork(db):
            pass
        assert time.monotonic() - started >= 0.09  # it waited before giving up
    finally:
        other.rollback()
        other.close()
        db.close()


def test_writes_wait_for_a_short_busy_spell(tmp_path: Path) -> None:
    """BEGIN IMMEDIATE waits for the other writer instead of failing at once."""
    ledger = tmp_path / "ledger.db"
    db = open_database(ledger)
    other = sqlite3.connect(ledger, check_same_thread=False)
    other.execute("begin immediate")
    import threading

    threading.Timer(0.3, other.rollback).start()
    make_contract(db)  # waits about 0.3 s, then writes
    assert db.execute("select count(*) from contracts").fetchone()[0] == 1
    other.close()
    db.close()


@pytest.mark.gui
def test_a_window_shows_another_process_import_after_reload(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, qtbot: object
) -> None:
    from tracker.ui.ledger_store import LedgerStore

    ledger = demo_ledger(tmp_path / "ledger.db")
    store = LedgerStore(open_database(ledger, create=False), ledger)
    resets: list[bool] = []
    store.reset.connect(lambda: resets.append(True))
    assert not store.poll_external_changes()
    other = open_database(ledger, create=False)
    make_contract(other, reference="FROM-THE-CLI")
    other.close()
    assert store.poll_external_changes()
    assert resets == [True]
    refs = [r[0] for r in store.db.execute("select reference from contracts")]
    assert "FROM-THE-CLI" in refs
    store.close()


def test_a_write_that_must_wait_says_so_first(tmp_path: Path) -> None:
    """The busy notice is shown before the wait (the window's status bar, the CLI's stderr)."""
    import threading

    from tracker.store.unit_of_work import set_busy_notice

    ledger = tmp_path / "ledger.db"
    db = open_database(ledger)
    other = sqlite3.connect(ledger, check_same_thread=False)
    other.execute("begin immediate")
    notices: list[bool] = []
    set_busy_notice(lambda: notices.append(True))
    try:
        threading.Timer(0.2, other.rollback).start()
        make_contract(db)
    finally:
        set_busy_notice(None)
    assert notices == [True]
    assert db.execute("select count(*) from contracts").fetchone()[0] == 1
    other.close()
    db.close()


def test_a_lock_from_another_computer_is_not_taken_over_but_explained(tmp_path: Path) -> None:
    import json

    ledger = demo_ledger(tmp_path / "ledger.db")
    lock_path(ledger).write_text(
        json.dumps({"name": "ann", "pid": 1, "host": "laptop-of-ann", "since": "2026-01-01"})
    )
    with pytest.raises(LockHeld, match=r"If laptop-of-ann crashed .* delete .*ledger\.db\.lock"):
        LedgerLock(ledger).acquire()
