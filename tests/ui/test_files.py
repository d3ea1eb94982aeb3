"""Files like a book: new, open, save a copy (backup API), recent files, remembered layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.factories import make_contract
from tracker.domain.errors import TrackerError
from tracker.store import queries
from tracker.store.database import open_database
from tracker.ui import settings
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def file_window(tmp_path: Path, qtbot: Any) -> MainWindow:
    path = tmp_path / "book.db"
    db = open_database(path)
    make_contract(db, reference="BOOK-1")
    window = MainWindow(LedgerStore(db, path))
    qtbot.addWidget(window)
    window.show()
    return window


def _answer_file_dialogs(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


def _references(window: MainWindow) -> list[str]:
    proxy = window.portfolio.proxy
    return [proxy.index(row, 0).data() for row in range(proxy.rowCount())]


def test_the_title_and_status_bar_name_the_open_file(file_window: MainWindow) -> None:
    assert file_window.windowTitle() == "book.db — Carbon Tracker"
    assert file_window.file_label.text().endswith("book.db")


def test_save_a_copy_writes_a_consistent_ledger_and_keeps_the_original_open(
    file_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "copy.db"
    _answer_file_dialogs(monkeypatch, target)
    file_window.save_copy_action.trigger()
    copy = open_database(target)
    try:
        assert [c.reference for c in queries.contracts(copy)] == ["BOOK-1"]
    finally:
        copy.close()
    assert file_window.store.path == tmp_path / "book.db"
    assert not (tmp_path / "copy.db.partial").exists()


def test_a_copy_never_overwrites_the_open_ledger(file_window: MainWindow) -> None:
    assert file_window.store.path is not None
    with pytest.raises(
        TrackerError, match="cannot replace the open ledger itself: choose another file name"
    ):
        file_window.files.copy_to(file_window.store.path)


def test_open_switches_the_window_to_another_ledger_and_remembers_it(
    file_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.db"
    db = open_database(other)
    make_contract(db, reference="OTHER-1")
    db.close()
    file_window.records.new_contract()  # an undo step belongs to the old file
    _answer_file_dialogs(monkeypatch, other)
    file_window.open_action.trigger()
    assert _references(file_window) == ["All contracts", "OTHER-1"]
    assert file_window.windowTitle() == "other.db — Carbon Tracker"
    assert not file_window.undo_action.isEnabled()
    assert settings.last_file() == other.resolve()
    assert settings.recent_files()[0] == other.resolve()


def test_new_starts_an_empty_ledger(
    file_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _answer_file_dialogs(monkeypatch, tmp_path / "fresh.db")
    file_window.new_action.trigger()
    assert _references(file_window) == ["All contracts"]
    assert file_window.overview.job.wait()  # a file's figures are read off the GUI thread
    assert file_window.overview.card_text("contracted") == "0 t"


def test_recent_files_menu_lists_opened_ledgers(file_window: MainWindow, tmp_path: Path) -> None:
    settings.remember_file(tmp_path / "a.db")
    settings.remember_file(tmp_path / "b.db")
    file_window.recent_menu.aboutToShow.emit()  # as opening File ▸ Open recent does
    shown = [a.text() for a in file_window.recent_menu.actions()]
    assert shown == [str((tmp_path / "b.db").resolve()), str((tmp_path / "a.db").resolve())]


def test_geometry_is_remembered_but_no_business_data(
    file_window: MainWindow, tmp_path: Path, qtbot: Any
) -> None:
    file_window.resize(1100, 700)
    size = file_window.size()
    file_window.close()
    text = Path(settings.settings().fileName()).read_text(errors="replace")
    assert "BOOK-1" not in text
    again = MainWindow(LedgerStore(open_database(":memory:"), None))
    qtbot.addWidget(again)
    assert again.restore_geometry()
    # restoring fits the window to the (offscreen, 800 px wide) screen; the height is kept
    assert again.size().height() == size.height()


def test_opening_a_file_that_is_not_a_ledger_is_refused_in_a_dialog(
    file_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    junk = tmp_path / "notes.db"
    junk.write_text("not a database, just some text that is long enough" * 20)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    _answer_file_dialogs(monkeypatch, junk)
    file_window.open_action.trigger()
    assert len(shown) == 1
    assert "notes.db: not a tracker ledger file" in shown[0]
    assert file_window.windowTitle() == "book.db — Carbon Tracker"
    assert _references(file_window) == ["All contracts", "BOOK-1"]
