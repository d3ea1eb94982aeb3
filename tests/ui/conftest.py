"""GUI fixtures: a store over an in-memory ledger, the main window, isolated QSettings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
import sqlite_utils
from PySide6.QtCore import QObject, QSettings

from tests.conftest import AS_OF
from tracker.store.database import open_database
from tracker.ui.ledger_store import LedgerStore


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path: Path) -> None:
    """Window preferences go to the test's own folder, never the user's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def store(db: sqlite_utils.Database, qapp: object) -> LedgerStore:
    return LedgerStore(db, None, AS_OF)


@pytest.fixture
def owner(qapp: object) -> Iterator[QObject]:
    """A parent for the models and jobs a test makes on its own: they are freed with it
    on this thread when the test ends, not by Python's collector on whichever thread it
    happens to run (a Qt object must be freed on its own thread)."""
    parent = QObject()
    yield parent
    shiboken6.delete(parent)


@pytest.fixture
def demo_file_store(tmp_path: Path, qapp: object) -> Iterator[LedgerStore]:
    """The demo portfolio in a ledger file: work on it can run off the GUI thread."""
    from tests.faults.helpers import demo_ledger

    ledger = demo_ledger(tmp_path / "ledger.db")
    store = LedgerStore(open_database(ledger, create=False), ledger)
    yield store
    store.poll_timer.stop()
    store.db.close()


@pytest.fixture
def demo_deliveries_panel(owner: QObject, demo_file_store: LedgerStore, qtbot: Any) -> Any:
    """The Deliveries table of the demo ledger file, shown (reads run on a worker)."""
    from tracker.ui.models.ledger_tables import DeliveriesModel
    from tracker.ui.tables import RecordTablePanel

    shown = RecordTablePanel(DeliveriesModel(demo_file_store, owner), "Add delivery…")
    qtbot.addWidget(shown)
    shown.resize(1000, 600)
    shown.show()
    return shown


@pytest.fixture
def window(store: LedgerStore, qtbot: object) -> Iterator[object]:
    from tracker.ui.main_window import MainWindow

    main = MainWindow(store)
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.resize(1280, 800)
    main.show()
    return main


@pytest.fixture(scope="session", autouse=True)
def _english(qapp: object) -> None:
    """The window in English with its plural forms ("1 row", "2 rows"), as users see it."""
    from tracker import i18n

    i18n.install(qapp, "en")


@pytest.fixture
def chinese(qapp: object) -> Iterator[None]:
    """The window in Simplified Chinese for one test, then English again."""
    from tracker import i18n

    i18n.install(qapp, "zh_CN")
    try:
        yield
    finally:
        i18n.install(qapp, "en")


@pytest.fixture
def restore_theme(qapp: object) -> Iterator[None]:
    """Put back the light palette a test's dark theme (or ``gui --theme``) changed."""
    try:
        yield
    finally:
        from tracker.ui import theming

        theming.apply(qapp, "light")  # type: ignore[arg-type]
