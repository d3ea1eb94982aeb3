"""Registry files on a ledger file, off the GUI thread.  The import dialog's preview and
import run on a worker with a connection of their own; the window takes the import as its
own change (undo step, change notice, no "changed by another program" reload), and
Cancel writes nothing.  The reconcile dialog compares on a worker, and Cancel stops it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QProgressDialog
from pytestqt.qtbot import QtBot

from tests.factories import counts, make_contract
from tests.services.registry_files import gs_file, gs_row
from tracker.store.backups import backup_folder
from tracker.store.database import open_beside, open_database
from tracker.ui import operations
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow
from tracker.ui.reports import ReconcileDialog, RegistryImportDialog, import_job

pytestmark = pytest.mark.gui


@pytest.fixture
def file_store(tmp_path: Path, qapp: object) -> Iterator[LedgerStore]:
    ledger = tmp_path / "ledger.db"
    db = open_database(ledger)
    make_contract(db, reference="C-1", registry="gold-standard")
    store = LedgerStore(db, ledger)
    yield store
    store.poll_timer.stop()
    store.db.close()


def gs_rows(count: int) -> bytes:
    return gs_file(*(gs_row(serial=f"GS1-1-KE-GS{n}-16-2025-{n}-1-100") for n in range(count)))


def open_dialog(qtbot: QtBot, store: LedgerStore, file: Path) -> RegistryImportDialog:
    dialog = RegistryImportDialog(store, chooser=lambda parent: file)
    qtbot.addWidget(dialog)
    dialog.contract.setCurrentIndex(dialog.contract.findData("C-1"))
    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)
    return dialog


def preview(qtbot: QtBot, dialog: RegistryImportDialog) -> None:
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert dialog.wait()


def test_preview_and_import_run_off_the_gui_thread(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(3))
    dialog = open_dialog(qtbot, file_store, file)

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    previewing = dialog.operation
    assert dialog.wait()
    with qtbot.waitSignal(file_store.changed):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        importing = dialog.operation
        assert dialog.wait()

    assert previewing is not None
    assert importing is not None
    threads = {previewing.thread_name, importing.thread_name}
    assert "" not in threads
    assert threading.main_thread().name not in threads
    assert counts(file_store.db)["deliveries"] == 3


def test_the_window_takes_the_workers_import_as_its_own(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(4))
    dialog = open_dialog(qtbot, file_store, file)
    resets: list[bool] = []
    file_store.reset.connect(lambda: resets.append(True))
    notices = []
    file_store.changed.connect(notices.append)
    preview(qtbot, dialog)
    assert "4 row(s) to add" in dialog.summary.text()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.wait()

    assert [dialog.table.text(row, 1) for row in range(4)] == ["imported"] * 4
    assert len(notices) == 1
    assert len(notices[0].inserted) >= 4
    assert file_store.undo_stack.count() == 1
    assert file_store.poll_timer.isActive()
    assert not file_store.poll_external_changes()  # the worker's commit is not another's
    assert resets == []
    file_store.undo_stack.undo()
    assert counts(file_store.db)["deliveries"] == 0
    file_store.undo_stack.redo()
    assert counts(file_store.db)["deliveries"] == 4


def test_an_import_is_backed_up_first(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(2))
    dialog = open_dialog(qtbot, file_store, file)
    preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.wait()

    assert file_store.path is not None
    backups = list(backup_folder(file_store.path).glob("*-before-import.db"))
    assert len(backups) == 1
    copy = open_database(backups[0], create=False, read_only=True)
    assert counts(copy)["deliveries"] == 0
    copy.close()


def test_cancel_during_an_import_writes_nothing(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(3000))
    dialog = open_dialog(qtbot, file_store, file)
    preview(qtbot, dialog)
    assert dialog.import_button.isEnabled()

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.operation is not None
    dialog.operation.cancel()  # before its first 500 rows are through
    assert dialog.wait()

    assert dialog.summary.text() == "Cancelled: nothing was written."
    assert counts(file_store.db)["deliveries"] == 0
    assert file_store.undo_stack.count() == 0
    assert dialog.import_button.isEnabled()  # the preview still stands: import again


def test_the_progress_dialogs_cancel_stops_a_long_preview(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(operations, "SHOW_AFTER_MS", 0)
    file = tmp_path / "big.csv"
    file.write_bytes(gs_rows(6000))
    dialog = open_dialog(qtbot, file_store, file)
    shown: list[QProgressDialog] = []

    def cancel_when_shown(progress: QProgressDialog) -> None:
        shown.append(progress)
        assert progress.labelText() == "Reading big.csv…"
        progress.cancel()

    dialog.progress_started.connect(cancel_when_shown)
    preview(qtbot, dialog)

    assert len(shown) == 1
    assert dialog.summary.text() == "Cancelled: nothing was written."
    assert not dialog.import_button.isEnabled()
    assert counts(file_store.db)["deliveries"] == 0


def test_inputs_wait_while_the_worker_runs(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(3000))
    dialog = open_dialog(qtbot, file_store, file)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)

    running = [dialog.preview_button, dialog.import_button, dialog.contract, dialog.file_row]
    assert [widget.isEnabled() for widget in running] == [False] * 4
    assert dialog.wait()
    assert dialog.preview_button.isEnabled()
    assert dialog.import_button.isEnabled()


def test_closing_during_an_import_waits_for_it_to_land(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(1200))
    dialog = open_dialog(qtbot, file_store, file)
    dialog.show()
    preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # not closed under a running import
    assert dialog.wait()

    assert not dialog.isVisible()
    assert counts(file_store.db)["deliveries"] == 1200
    assert file_store.undo_stack.count() == 1  # the import is one step Undo can take back


def test_a_commit_by_the_windows_own_writer_is_not_taken_for_another_programs(
    file_store: LedgerStore,
) -> None:
    assert file_store.path is not None
    file_store.own_write_started()
    assert not file_store.poll_timer.isActive()
    worker = open_beside(file_store.path)
    make_contract(worker, reference="BY-THE-WORKER")
    assert not file_store.poll_external_changes()
    file_store.own_write_finished()

    assert file_store.poll_timer.isActive()
    assert not file_store.poll_external_changes()
    make_contract(worker, reference="BY-ANOTHER-PROGRAM")  # after the worker's write
    worker.close()
    assert file_store.poll_external_changes()


def test_a_workers_wait_for_another_writer_is_said_on_the_gui_thread(
    qtbot: QtBot, window: MainWindow
) -> None:
    said_on: list[str] = []
    window.statusBar().messageChanged.connect(
        lambda _text: said_on.append(threading.current_thread().name)
    )
    done = threading.Event()

    def on_a_pool_thread() -> None:  # where an import's write waits
        window._show_busy()
        done.set()

    QThreadPool.globalInstance().start(on_a_pool_thread)
    assert done.wait(10)

    qtbot.waitUntil(lambda: "Another program is writing" in window.statusBar().currentMessage())
    assert said_on == [threading.main_thread().name]


def test_the_gui_thread_reads_none_of_the_imported_records(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    """The undo step's copy of what was added is read on the worker, after its commit."""
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(50))
    dialog = open_dialog(qtbot, file_store, file)
    preview(qtbot, dialog)
    on_gui_connection: list[str] = []
    file_store.db.conn.set_trace_callback(on_gui_connection.append)

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.wait()

    file_store.db.conn.set_trace_callback(None)
    assert counts(file_store.db)["deliveries"] == 50
    assert [s for s in on_gui_connection if "deliveries" in s] == []
    file_store.undo_stack.undo()  # and undo still finds them as they were stored
    assert counts(file_store.db)["deliveries"] == 0


def test_the_summary_groups_its_row_counts_as_tonnes_are(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(1200))
    dialog = open_dialog(qtbot, file_store, file)
    preview(qtbot, dialog)

    assert "1,200 row(s) to add" in dialog.summary.text()
    assert "(120,000 t read)" in dialog.summary.text()


def test_a_comparison_runs_off_the_gui_thread_and_lists_the_differences(
    qtbot: QtBot, file_store: LedgerStore, tmp_path: Path
) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(3))
    dialog = ReconcileDialog(file_store, chooser=lambda parent: file)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    comparing = dialog.operation
    assert not dialog.compare_button.isEnabled()
    assert dialog.wait()

    assert comparing is not None
    assert comparing.thread_name not in ("", threading.main_thread().name)
    assert dialog.table.rowCount() == 3
    assert dialog.summary.text() == "Gold Standard credits: 3 rows compared, 3 differences."
    assert dialog.compare_button.isEnabled()


def test_cancel_stops_a_comparison(qtbot: QtBot, file_store: LedgerStore, tmp_path: Path) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(3000))
    dialog = ReconcileDialog(file_store, chooser=lambda parent: file)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.file_row.browse, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert dialog.operation is not None
    dialog.operation.cancel()
    assert dialog.wait()

    assert dialog.summary.text() == "Cancelled: the comparison was not finished."
    assert dialog.table.rowCount() == 0
    assert dialog.compare_button.isEnabled()


@pytest.fixture
def file_window(file_store: LedgerStore, qtbot: QtBot) -> MainWindow:
    main = MainWindow(file_store)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    return main


def imported(qtbot: QtBot, window: MainWindow, tmp_path: Path, rows: int) -> None:
    file = tmp_path / "gs.csv"
    file.write_bytes(gs_rows(rows))
    dialog = open_dialog(qtbot, window.store, file)
    preview(qtbot, dialog)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.wait()
    assert counts(window.store.db)["deliveries"] == rows


def test_undo_and_redo_of_an_import_run_off_the_gui_thread(
    qtbot: QtBot, file_window: MainWindow, tmp_path: Path
) -> None:
    imported(qtbot, file_window, tmp_path, 300)
    store, steps = file_window.store, file_window.undo_steps
    assert file_window.undo_action.text() == "&Undo Import gs.csv"
    notices = []
    store.changed.connect(notices.append)

    file_window.undo_action.trigger()
    undoing = steps.operation
    assert steps.wait()
    assert counts(store.db)["deliveries"] == 0
    file_window.redo_action.trigger()
    redoing = steps.operation
    assert steps.wait()

    assert undoing is not None
    assert redoing is not None
    for operation in (undoing, redoing):
        assert operation.thread_name not in ("", threading.main_thread().name)
    assert counts(store.db)["deliveries"] == 300
    assert [len(n.deleted) for n in notices] == [300, 0]
    assert store.undo_stack.index() == 1
    assert not store.poll_external_changes()


def test_the_gui_thread_reads_none_of_the_records_undo_and_redo_move(
    qtbot: QtBot, file_window: MainWindow, tmp_path: Path
) -> None:
    imported(qtbot, file_window, tmp_path, 40)
    statements: list[str] = []
    file_window.store.db.conn.set_trace_callback(statements.append)
    for action in (file_window.undo_action, file_window.redo_action, file_window.undo_action):
        action.trigger()
        assert file_window.undo_steps.wait()
    file_window.store.db.conn.set_trace_callback(None)
    assert [s for s in statements if "deliveries" in s and "delete" in s.lower()] == []
    assert [s for s in statements if "from deliveries where" in s] == []
    assert counts(file_window.store.db)["deliveries"] == 0


def test_a_cancelled_undo_leaves_the_import_and_its_step(
    qtbot: QtBot, file_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    imported(qtbot, file_window, tmp_path, 300)
    cancelled = threading.Event()
    original = import_job.take_back

    def after_the_cancel(*args: Any) -> Any:  # the worker starts once Cancel was pressed
        assert cancelled.wait(10)
        return original(*args)

    monkeypatch.setattr(import_job, "take_back", after_the_cancel)
    file_window.undo_action.trigger()
    steps = file_window.undo_steps
    assert steps.operation is not None
    steps.operation.cancel()
    cancelled.set()
    assert steps.wait()

    assert counts(file_window.store.db)["deliveries"] == 300
    assert file_window.store.undo_stack.index() == 1
    assert file_window.undo_action.isEnabled()


def test_an_undo_refused_on_the_worker_leaves_the_step(
    qtbot: QtBot,
    file_window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    imported(qtbot, file_window, tmp_path, 3)
    shown: list[str] = []
    monkeypatch.setattr(
        "tracker.ui.undo_actions.show_error", lambda _parent, exc: shown.append(str(exc))
    )
    elsewhere = open_beside(file_window.store.path)  # another window edits one of them
    elsewhere.execute("update deliveries set reference = 'edited elsewhere' where id = 1")
    elsewhere.conn.commit()
    elsewhere.close()

    file_window.undo_action.trigger()
    assert file_window.undo_steps.wait()

    assert len(shown) == 1
    assert "changed elsewhere" in shown[0]
    assert counts(file_window.store.db)["deliveries"] == 3
    assert file_window.store.undo_stack.index() == 1
