"""Composition root for the desktop app: QApplication, ledger, main window."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from tracker.services.contracts import resolve_reference
from tracker.services.demo import load_demo
from tracker.store.database import DB_ENV_VAR, default_db_path, open_database

SCREENSHOT_SIZE = (1280, 800)


def choose_ledger(explicit: Path | None) -> Path:
    """--db, else $TRACKER_DB, else the last file the window had open, else the default."""
    if explicit is not None:
        return explicit
    if os.environ.get(DB_ENV_VAR, "").strip():
        return default_db_path()
    from tracker.ui import settings

    last = settings.last_file()
    if last is not None and last.is_file():
        return last
    return default_db_path()


def run_gui(
    db_path: Path | None,
    *,
    as_of: dt.date | None = None,
    screenshot: Path | None = None,
    tab: str = "overview",
    contract: str | None = None,
    language: str | None = None,
    theme: str | None = None,
    size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    """Open the window on the ledger.

    The default ledger (no ``--db``) starts with the demo portfolio the first time it is
    created; a new file named with ``--db`` starts empty, so real books never get demo data.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Carbon Tracker")
    app.setOrganizationName("carbon-tracker")

    from tracker import i18n
    from tracker.ui import settings, theming
    from tracker.ui.errors import install_excepthook
    from tracker.ui.files import ask_read_only, ask_restore, open_locked, restore_if_unopenable

    i18n.install(app, language or settings.language())
    theming.apply(app, theme or settings.theme())
    from tracker.ui.ledger_store import LedgerStore
    from tracker.ui.main_window import MainWindow

    path = choose_ledger(db_path)
    first_run = db_path is None and not path.exists()
    if db_path is not None and not path.exists():
        open_database(path, create=False)  # refused: a mistyped --db never makes a ledger
    chooser = None if screenshot is not None else ask_read_only
    parent = None if screenshot is not None else QWidget()
    if path.exists():  # a damaged ledger: offer the newest backup instead of a dead end
        restore_if_unopenable(path, parent, None if screenshot is not None else ask_restore)
    db, lock = open_locked(path, parent, chooser, create=first_run or db_path is None)
    if first_run and lock is not None:
        load_demo(db)
    store = LedgerStore(db, path, as_of)
    store.lock, store.read_only = lock, lock is None
    window = MainWindow(store)
    try:
        if contract:
            window.select_contract(resolve_reference(store.db, contract, "--contract").id)
    except Exception:
        window.close()
        store.close()
        raise
    window.show_tab(tab)
    if screenshot is not None:
        return _screenshot(app, window, screenshot, size)
    previous_hook = install_excepthook(lambda: QApplication.activeWindow() or window)
    settings.remember_file(path)
    if not window.restore_geometry():
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    try:
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        store.close()


def _screenshot(
    app: QApplication, window: object, target: Path, size: tuple[int, int] = SCREENSHOT_SIZE
) -> int:
    from tracker.ui.fit_columns import SETTLE_MS
    from tracker.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.resize(*size)
    window.show()
    for panel in window.record_panels:
        panel.fit_columns()
    # figures, chart series and flags are read off the GUI thread: wait for them
    assert window.chart is not None  # attached when the window is built
    jobs: list[Any] = [window.overview.job, window.chart.job, window.audit.watcher]
    for panel in window.record_panels:
        jobs.extend(panel.model.background_jobs())
    for _pass in range(2):  # the chart marks the flags once they arrived: a second read
        for job in jobs:
            job.wait()
        app.processEvents()
    for panel in window.record_panels:  # the rows they show came in: fit them
        panel.fit_columns()
    for _ in range(3):  # layouts that reflow on resize (the Overview cards) settle
        app.processEvents()
    settled = time.monotonic() + (SETTLE_MS + 80) / 1000  # columns refitted once it settles
    while time.monotonic() < settled:
        app.processEvents()
        time.sleep(0.01)
    target.parent.mkdir(parents=True, exist_ok=True)
    saved = window.grab().save(str(target))
    window.close()
    window.store.close()
    return 0 if saved else 1
