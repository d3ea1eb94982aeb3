"""Composition root for the desktop app: QApplication, ledger, main window."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tracker.services.demo import load_demo
from tracker.store.database import open_database


def run_gui(
    db_path: Path,
    *,
    as_of: dt.date | None = None,
    screenshot: Path | None = None,
    tab: str = "overview",
    contract: str | None = None,
) -> int:
    """Open the window on ``db_path``; a new ledger file starts with the demo portfolio."""
    from tracker.ui.main_window import MainWindow

    first_run = not Path(db_path).exists()
    db = open_database(db_path)
    if first_run:
        load_demo(db)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Carbon Tracker")
    app.setOrganizationName("carbon-tracker")
    window = MainWindow(db, Path(db_path), as_of or dt.date.today())
    window.resize(1280, 800)
    if screenshot is not None:
        window.show()
        app.processEvents()
        window.grab().save(str(screenshot))
        window.close()
        db.close()
        return 0
    window.show()
    code = app.exec()
    db.close()
    return code
