"""Edit → Undo and Redo of a contract deletion run on a worker: putting back (or deleting
again) every record of a large contract froze the window on the GUI thread.  The stack
steps only once the worker is done; a cancelled or refused step leaves it where it was."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.factories import counts, make_contract, make_delivery, retirement_data
from tracker.services.retirements import retire
from tracker.store.database import open_beside, open_database
from tracker.ui import commands
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

DELIVERIES = 30


@pytest.fixture
def window(tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    ledger = tmp_path / "ledger.db"
    db = open_database(ledger)
    contract = make_contract(db, reference="BIG-1")
    for n in range(DELIVERIES):
        make_delivery(
            db, contract, serial_block=f"ACR-US-1-2025-1-{n * 100 + 1} to {n * 100 + 100}",
            reference=f"TX-{n}",
        )  # fmt: skip
    retire(db, contract, retirement_data(tonnes="5"))
    make_contract(db, reference="OTHER-1")
    store = LedgerStore(db, ledger)
    main = MainWindow(store)
    qtbot.addWidget(main)
    main.show()
    main.select_contract(contract)
    monkeypatch.setattr(main.records, "confirm", lambda _question: True)
    assert main.records.delete_contract()
    assert main.records.delete_operation is not None
    assert main.records.delete_operation.wait()
    assert counts(store.db)["deliveries"] == 0
    yield main
    store.poll_timer.stop()


def _step(window: MainWindow, undo: bool) -> Any:
    (window.undo_action if undo else window.redo_action).trigger()
    operation = window.undo_steps.operation
    assert window.undo_steps.wait()
    return operation


def test_undo_and_redo_of_a_contract_deletion_run_off_the_gui_thread(
    window: MainWindow,
) -> None:
    store = window.store
    assert window.undo_action.text() == "&Undo Delete contract BIG-1"
    notices = []
    store.changed.connect(notices.append)

    undoing = _step(window, undo=True)
    assert counts(store.db) == {
        "contracts": 2, "tranches": 0, "deliveries": DELIVERIES, "retirements": 1,
        "invalidations": 0,
    }  # fmt: skip
    redoing = _step(window, undo=False)

    for operation in (undoing, redoing):
        assert operation is not None
        assert operation.thread_name not in ("", threading.main_thread().name)
    assert counts(store.db)["contracts"] == 1
    assert counts(store.db)["deliveries"] == 0
    assert [len(n.inserted) for n in notices] == [DELIVERIES + 2, 0]
    assert [len(n.deleted) for n in notices] == [0, DELIVERIES + 2]
    assert store.undo_stack.index() == 1
    assert not store.poll_external_changes()  # the worker's commits are the window's own


def test_a_second_undo_after_a_redo_puts_the_contract_back_again(window: MainWindow) -> None:
    """The redo on the worker hands back what it deleted: the next undo restores that."""
    for undo in (True, False, True):
        _step(window, undo)
    references = [r[0] for r in window.store.db.execute("select reference from contracts")]
    assert sorted(references) == ["BIG-1", "OTHER-1"]
    assert counts(window.store.db)["deliveries"] == DELIVERIES


def test_the_gui_thread_writes_none_of_the_records_undo_and_redo_move(
    window: MainWindow,
) -> None:
    statements: list[str] = []
    window.store.db.conn.set_trace_callback(statements.append)
    for undo in (True, False):
        _step(window, undo)
    window.store.db.conn.set_trace_callback(None)
    written = [
        s for s in statements if s.lstrip().lower().startswith(("insert", "delete", "update"))
    ]
    assert written == []
    assert counts(window.store.db)["deliveries"] == 0


def test_a_cancelled_undo_leaves_the_contract_deleted_and_the_step(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    cancelled = threading.Event()
    original = commands.restore

    def after_the_cancel(*args: Any) -> Any:  # the worker starts once Cancel was pressed
        assert cancelled.wait(10)
        return original(*args)

    monkeypatch.setattr(commands, "restore", after_the_cancel)
    window.undo_action.trigger()
    steps = window.undo_steps
    assert steps.operation is not None
    steps.operation.cancel()
    cancelled.set()
    assert steps.wait()

    assert counts(window.store.db)["deliveries"] == 0
    assert window.store.undo_stack.index() == 1
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo Delete contract BIG-1"


def test_a_redo_refused_on_the_worker_says_why_and_leaves_the_step(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        "tracker.ui.undo_actions.show_error", lambda _parent, exc: shown.append(str(exc))
    )
    _step(window, undo=True)
    elsewhere = open_beside(window.store.path)  # another window deletes it meanwhile
    elsewhere.execute("delete from retirements")
    elsewhere.execute("delete from deliveries")
    elsewhere.execute("delete from contracts where reference = 'BIG-1'")
    elsewhere.conn.commit()
    elsewhere.close()

    _step(window, undo=False)

    assert len(shown) == 1
    assert "contract" in shown[0]
    assert window.store.undo_stack.index() == 0  # still before the deletion's redo
