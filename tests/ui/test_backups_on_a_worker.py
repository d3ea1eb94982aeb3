"""The once-a-day backup of the ledger a window opens, and File → Back up now, are made
on a worker, after the window is up; a backup that fails says so and leaves the ledger
open."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.factories import make_contract
from tracker.domain.messages import msg
from tracker.store import backups
from tracker.store.database import open_database
from tracker.ui import daily_backup
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    db = open_database(path)
    make_contract(db, reference="C-1")
    db.close()
    assert backups.list_backups(path) == []
    return path


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Callable[..., MainWindow]]:
    stores: list[LedgerStore] = []

    def opening(ledger: Path, read_only: bool = False) -> MainWindow:
        store = LedgerStore(open_database(ledger, create=False, read_only=read_only), ledger)
        store.read_only = read_only
        stores.append(store)
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.show()
        return window

    yield opening
    for store in stores:
        store.poll_timer.stop()


def _full_disk(*_args: object, **_kwargs: object) -> Path:
    raise backups.BackupError(
        msg("error.backups_folder_not_created", folder="backups", reason="No space left")
    )


@pytest.fixture
def made_on(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    threads: list[str] = []
    original = daily_backup._back_up

    def recorded(ledger: Path, db: object) -> Path | None:
        threads.append(threading.current_thread().name)
        return original(ledger, db)  # type: ignore[arg-type]

    monkeypatch.setattr(daily_backup, "_back_up", recorded)
    return threads


def test_opening_a_ledger_backs_it_up_on_a_worker_once_a_day(
    open_window: Callable[..., MainWindow], ledger: Path, made_on: list[str], qtbot: QtBot
) -> None:
    window = open_window(ledger)
    with qtbot.waitSignal(window.daily_backup.made) as made:
        pass
    assert made.args is not None
    [backup] = backups.list_backups(ledger)
    assert backup.reason == "daily"
    assert made.args[0] == backup.path
    assert len(made_on) == 1
    assert made_on[0] != threading.main_thread().name
    window.daily_backup.start()  # again (another ledger opened, say): not twice a day
    assert window.daily_backup.wait()
    assert len(backups.list_backups(ledger)) == 1


def test_the_backup_is_the_ledger_as_it_was_opened(
    open_window: Callable[..., MainWindow], ledger: Path, qtbot: QtBot
) -> None:
    window = open_window(ledger)
    assert window.daily_backup.running is False  # not before the window is up
    with qtbot.waitSignal(window.daily_backup.made):
        pass
    [backup] = backups.list_backups(ledger)
    copy = open_database(backup.path, create=False, read_only=True)
    assert [r[0] for r in copy.execute("select reference from contracts")] == ["C-1"]
    copy.close()


def test_a_read_only_window_makes_no_backup(
    open_window: Callable[..., MainWindow], ledger: Path, made_on: list[str], qtbot: QtBot
) -> None:
    window = open_window(ledger, read_only=True)
    qtbot.wait(50)
    assert not window.daily_backup.running
    assert made_on == []
    assert backups.list_backups(ledger) == []


def test_a_backup_that_fails_says_why_and_leaves_the_ledger_open(
    open_window: Callable[..., MainWindow],
    ledger: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    monkeypatch.setattr(backups, "make_backup", _full_disk)
    window = open_window(ledger)
    with qtbot.waitSignal(window.daily_backup.warning_shown) as shown:
        pass
    assert shown.args is not None
    box: QMessageBox = shown.args[0]
    assert "Today's backup of the ledger could not be made" in box.text()
    assert "No space left" in box.text()
    assert "File → Back up now tries again" in box.text()
    assert window.store.db.execute("select count(*) from contracts").fetchone()[0] == 1
    box.close()


def test_back_up_now_copies_on_a_worker_and_names_the_file(
    open_window: Callable[..., MainWindow],
    ledger: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window = open_window(ledger)
    assert window.daily_backup.wait()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))

    window.backup_action.trigger()
    making = window.files.backup_operation
    assert making is not None
    assert making.wait()

    assert making.thread_name not in ("", threading.main_thread().name)
    manual = [b for b in backups.list_backups(ledger) if b.reason == "manual"]
    assert len(manual) == 1
    assert told == [f"Backed up to {manual[0].path}."]


def test_back_up_now_that_fails_says_why(
    open_window: Callable[..., MainWindow],
    ledger: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    window = open_window(ledger)
    assert window.daily_backup.wait()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    monkeypatch.setattr(backups, "make_backup", _full_disk)

    window.backup_action.trigger()
    assert window.files.backup_operation is not None
    assert window.files.backup_operation.wait()

    assert len(warned) == 1
    assert "No space left" in warned[0]
