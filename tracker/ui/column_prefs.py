"""Per-table column choice and order, remembered in Qt's settings.

Drag a header to reorder the columns; right-click a header to show or hide any of them.
Both are kept per table (``columns/<name>`` in the window's settings, never the ledger).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtWidgets import QHeaderView, QMenu, QTableView

from tracker.ui import settings


def _key(name: str) -> str:
    return f"columns/{name}"


def remember_columns(view: QTableView, name: str) -> None:
    """Let the user reorder and choose ``view``'s columns, and keep the choice."""
    header = view.horizontalHeader()
    header.setSectionsMovable(True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    state = settings.settings().value(_key(name))
    if isinstance(state, QByteArray) and not state.isEmpty():
        header.restoreState(state)
    header.sectionMoved.connect(lambda *_args: save_columns(view, name))
    header.customContextMenuRequested.connect(
        lambda pos: column_menu(view, name).popup(header.mapToGlobal(pos))
    )


def save_columns(view: QTableView, name: str) -> None:
    settings.settings().setValue(_key(name), view.horizontalHeader().saveState())


def column_menu(view: QTableView, name: str) -> QMenu:
    """A menu with one checkable entry per column (the last shown one stays)."""
    header: QHeaderView = view.horizontalHeader()
    model = view.model()
    menu = QMenu(view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.setTitle(QCoreApplication.translate("ColumnPrefs", "Columns"))
    shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
    for visual in range(header.count()):
        column = header.logicalIndex(visual)
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        action = menu.addAction(title)
        action.setCheckable(True)
        action.setChecked(not header.isSectionHidden(column))
        action.setEnabled(shown != [column])  # never hide every column

        def toggle(checked: bool, c: int = column) -> None:
            view.setColumnHidden(c, not checked)
            if checked:
                view.resizeColumnToContents(c)
            save_columns(view, name)

        action.toggled.connect(toggle)
    return menu
