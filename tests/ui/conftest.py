"""GUI fixtures: a store over an in-memory ledger, the main window, isolated QSettings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlite_utils
from PySide6.QtCore import QSettings

from tests.conftest import AS_OF
from tracker.ui.ledger_store import LedgerStore


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    """Window preferences go to the test's own folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def store(db: sqlite_utils.Database, qapp: object) -> LedgerStore:
    return LedgerStore(db, None, AS_OF)


@pytest.fixture
def window(store: LedgerStore, qtbot: object) -> Iterator[object]:
    from tracker.ui.main_window import MainWindow

    main = MainWindow(store)
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.resize(1280, 800)
    main.show()
    return main
