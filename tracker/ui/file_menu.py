"""The main window's File menu: ledgers, copies, the chart export, backups and quitting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenuBar

from tracker.ui import settings
from tracker.ui.errors import guarded

if TYPE_CHECKING:
    from tracker.ui.main_window import MainWindow


def build_file_menu(window: MainWindow, bar: QMenuBar) -> None:
    """Create the File menu and its actions (kept on the window: ``window.new_action``…)."""
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.new_action = window._action(
        QCoreApplication.translate("MainWindow", "&New ledger…"), QKeySequence.StandardKey.New
    )
    window.new_action.triggered.connect(guarded(window, lambda _c=False: window.files.new_file()))
    window.open_action = window._action(
        QCoreApplication.translate("MainWindow", "&Open ledger…"), QKeySequence.StandardKey.Open
    )
    window.open_action.triggered.connect(guarded(window, lambda _c=False: window.files.open_file()))
    window.save_copy_action = window._action(
        QCoreApplication.translate("MainWindow", "Save a &copy as…"),
        QKeySequence.StandardKey.SaveAs,
    )
    window.save_copy_action.triggered.connect(
        guarded(window, lambda _c=False: window.files.save_copy())
    )
    window.export_chart_action = window._action(
        QCoreApplication.translate("MainWindow", "Export chart as &PNG…")
    )
    window.export_chart_action.setEnabled(False)
    window.export_chart_action.triggered.connect(
        guarded(window, lambda _c=False: window.records.export_chart())
    )
    window.backup_action = window._action(QCoreApplication.translate("MainWindow", "&Back up now"))
    window.backup_action.triggered.connect(
        guarded(window, lambda _c=False: window.files.backup_now())
    )
    window.restore_action = window._action(
        QCoreApplication.translate("MainWindow", "&Restore from backup…")
    )
    window.restore_action.triggered.connect(
        guarded(window, lambda _c=False: window.files.restore_dialog())
    )
    window.check_db_action = window._action(
        QCoreApplication.translate("MainWindow", "Check &database…")
    )
    window.check_db_action.triggered.connect(
        guarded(window, lambda _c=False: window.files.check_dialog())
    )
    window.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
    window.recent_menu.aboutToShow.connect(lambda: fill_recent(window))
    quit_action = window._action(
        QCoreApplication.translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit
    )
    quit_action.triggered.connect(window.close)
    file_menu.insertActions(
        window.recent_menu.menuAction(), [window.new_action, window.open_action]
    )
    file_menu.addSeparator()
    file_menu.addActions([window.save_copy_action, window.export_chart_action])
    file_menu.addSeparator()
    file_menu.addActions([window.backup_action, window.restore_action])
    file_menu.addSeparator()
    file_menu.addAction(quit_action)


def fill_recent(window: MainWindow) -> None:
    """List the recently opened ledgers (File ▸ Open recent)."""
    window.recent_menu.clear()
    recent = settings.recent_files()
    if not recent:
        empty = window.recent_menu.addAction(
            QCoreApplication.translate("MainWindow", "No recent files")
        )
        empty.setEnabled(False)
    for path in recent:
        action = window.recent_menu.addAction(str(path))
        action.triggered.connect(
            guarded(window, lambda _c=False, p=path: window.files.open_path(p))
        )
