"""Fault suite — figure: in the window, a ledger held by another writer opens read-only,
a stale edit is refused as changed elsewhere, a backup is restored in place (the current
file kept aside), Check database reports in plain words, and memory stays bounded (undo
limit, hidden History does no work)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.factories import contract_data, make_contract
from tracker.services.contracts import update_contract
from tracker.store import backups
from tracker.store.database import open_database
from tracker.store.lock import LedgerLock
from tracker.store.unit_of_work import StaleEditError
from tracker.ui.files import open_locked
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "book.db"
    db = open_database(path)
    make_contract(db, reference="BOOK-1")
    db.close()
    return path


def _window(qtbot: Any, path: Path) -> MainWindow:
    db, lock = open_locked(path, None, None)
    store = LedgerStore(db, path)
    store.lock = lock
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def test_a_ledger_held_elsewhere_opens_read_only_when_the_user_agrees(
    book: Path, qtbot: Any, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    open_database(other).close()
    window = _window(qtbot, other)
    asked: list[str] = []
    window.files.read_only_chooser = lambda _parent, held: asked.append(str(held)) or True
    with LedgerLock(book, "the other window"):
        window.files.open_path(book)
        assert "the other window" in asked[0]
        assert window.store.read_only
        assert window.windowTitle() == "book.db (read-only) — Carbon Tracker"
    window.store.poll_timer.stop()


def test_a_stale_edit_in_the_window_is_refused(book: Path, qtbot: Any) -> None:
    window = _window(qtbot, book)
    contract_id = window.store.db.execute("select id from contracts").fetchone()[0]
    window.select_contract(contract_id)
    dialog = window.records.edit_contract()
    assert dialog is not None
    elsewhere = open_database(book, create=False)  # another process edits the contract
    update_contract(elsewhere, contract_id, contract_data(reference="BOOK-1", buyer="Other"))
    elsewhere.close()
    data = contract_data(reference="BOOK-1", notes="my edit")
    with pytest.raises(StaleEditError, match="changed elsewhere"):
        dialog.submit(data)  # type: ignore[operator]
    row = window.store.db.execute("select buyer, notes from contracts").fetchone()
    assert row == ("Other", "")
    window.store.poll_timer.stop()


def test_restore_from_backup_in_the_window_brings_the_backup_back(
    book: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, book)
    made = backups.make_backup(window.store.db, book, "manual")
    make_contract(window.store.db, reference="AFTER")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(made), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *_a, **_k: None)
    window.restore_action.trigger()
    refs = [r[0] for r in window.store.db.execute("select reference from contracts")]
    assert refs == ["BOOK-1"]
    assert list(book.parent.glob("book.db.before-restore-*"))
    window.store.poll_timer.stop()


def test_check_database_reports_in_plain_words(book: Path, qtbot: Any) -> None:
    window = _window(qtbot, book)
    report = window.files.check_report()
    assert "The ledger is healthy" in report
    assert window.check_db_action in window.tools_menu.actions()
    window.store.poll_timer.stop()


def test_the_undo_stack_is_bounded_and_settable(book: Path, qtbot: Any) -> None:
    window = _window(qtbot, book)
    assert window.store.undo_stack.undoLimit() > 0
    window.store.set_undo_limit(3)
    from tracker.ui import commands

    for n in range(5):
        commands.perform(
            window.store, commands.add_contract(window.store, contract_data(reference=f"U-{n}"))
        )
    assert window.store.undo_stack.count() == 3
    window.store.poll_timer.stop()


def test_a_hidden_history_tab_does_no_work_until_shown(book: Path, qtbot: Any) -> None:
    window = _window(qtbot, book)
    history = window.audit.history
    window.show_tab("overview")
    calls: list[bool] = []
    original = history.refresh
    history.refresh = lambda: calls.append(True) or original()  # type: ignore[method-assign]
    for n in range(5):
        make_contract(window.store.db, reference=f"H-{n}")
        window.store.reset.emit()
    assert calls == []
    assert history.stale
    window.show_tab("history")
    assert calls == [True]
    window.store.poll_timer.stop()


def test_a_damaged_ledger_at_start_offers_the_newest_backup(book: Path, qtbot: Any) -> None:
    from tests.faults.helpers import sha256
    from tracker.domain.errors import TrackerError
    from tracker.ui.files import restore_if_unopenable

    db = open_database(book, create=False)
    backups.make_backup(db, book, "manual")
    db.close()
    book.write_bytes(book.read_bytes()[:1024])  # truncated: cannot be opened
    damaged = sha256(book)
    with pytest.raises(TrackerError, match="damaged"):
        restore_if_unopenable(book, None, lambda _p, _reason, _newest: False)
    assert sha256(book) == damaged  # declined: untouched
    offered: list[str] = []
    aside = restore_if_unopenable(
        book, None, lambda _p, reason, _newest: offered.append(reason) or True
    )
    assert aside is not None
    assert sha256(aside) == damaged
    assert "restore" in offered[0]
    window = _window(qtbot, book)
    assert window.store.db.execute("select reference from contracts").fetchall() == [("BOOK-1",)]
    window.store.poll_timer.stop()


def test_undo_of_an_add_is_refused_when_another_window_changed_the_record(
    book: Path, qtbot: Any
) -> None:
    from tracker.ui import commands

    window = _window(qtbot, book)
    contract = commands.perform(
        window.store, commands.add_contract(window.store, contract_data(reference="NEW-1"))
    )
    elsewhere = open_database(book, create=False)
    update_contract(elsewhere, contract.id, contract_data(reference="NEW-1", buyer="Other"))
    elsewhere.close()
    with pytest.raises(StaleEditError, match="changed elsewhere"):
        window.store.undo_stack.command(0).undo()
    refs = [r[0] for r in window.store.db.execute("select reference from contracts")]
    assert "NEW-1" in refs  # B's edit is not thrown away
    window.store.poll_timer.stop()


def test_deleting_a_contract_in_the_window_backs_up_first_on_a_worker(
    book: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, book)
    contract_id = window.store.db.execute("select id from contracts").fetchone()[0]
    window.select_contract(contract_id)
    monkeypatch.setattr(window.records, "confirm", lambda _question: True)
    assert window.records.delete_contract()
    deleting = window.records.delete_operation
    assert deleting is not None
    assert deleting.wait()
    assert deleting.thread_name not in ("", threading.main_thread().name)  # on a worker
    reasons = [b.reason for b in backups.list_backups(book)]
    assert "before-delete" in reasons
    [copy] = [b for b in backups.list_backups(book) if b.reason == "before-delete"]
    saved = open_database(copy.path, create=False, read_only=True)
    assert saved.execute("select count(*) from contracts").fetchone()[0] == 1  # before it
    saved.close()
    assert window.store.db.execute("select count(*) from contracts").fetchone()[0] == 0
    assert window.undo_action.text() == "&Undo Delete contract BOOK-1"
    window.undo_action.trigger()
    assert window.undo_steps.wait()  # put back on a worker
    assert window.store.db.execute("select count(*) from contracts").fetchone()[0] == 1
    window.redo_action.trigger()  # deletes it again
    assert window.undo_steps.wait()
    assert window.store.db.execute("select count(*) from contracts").fetchone()[0] == 0
    window.store.poll_timer.stop()


def test_an_edit_in_a_read_only_window_is_refused_in_plain_words(book: Path, qtbot: Any) -> None:
    from tracker.domain.errors import TrackerError
    from tracker.ui import commands

    store = LedgerStore(open_database(book, create=False, read_only=True), book)
    store.read_only = True
    with pytest.raises(TrackerError, match="open read-only"):
        commands.perform(store, commands.add_contract(store, contract_data(reference="RO-1")))
    store.poll_timer.stop()
