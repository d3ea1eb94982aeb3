"""Every tab at 1280×800 and 1024×700, in English and Chinese, light and dark: no header
elided that its column could show whole, no control drawn outside the window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from tracker import i18n
from tracker.services.demo import load_demo
from tracker.ui import theming
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import TAB_NAMES, MainWindow

pytestmark = pytest.mark.gui

CONTROLS = (QAbstractButton, QLabel, QLineEdit, QComboBox)


def _inside_scroll_area(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _outside(window: QWidget) -> list[str]:
    bounds = window.rect()
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisible():
            continue
        if widget.window() is not window or _inside_scroll_area(widget, window):
            continue
        top_left = widget.mapTo(window, widget.rect().topLeft())
        where = QRect(top_left, widget.size())
        if not bounds.contains(where):
            found.append(f"{type(widget).__name__} {widget.objectName()!r} {where}")
    return found


def _elided_headers(header: QHeaderView) -> list[str]:
    """Sections cut short although the header has room left after its last section."""
    used = sum(
        header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c)
    )
    room = header.viewport().width() - used
    model = header.model()
    return [
        str(model.headerData(c, header.orientation()))
        for c in range(header.count())
        if not header.isSectionHidden(c)
        and header.sectionSize(c) < header.sectionSizeHint(c)
        and room >= header.sectionSizeHint(c) - header.sectionSize(c)
        and c != header.count() - 1  # a stretched last section takes what is left
    ]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)], ids=["1280x800", "1024x700"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_tab_renders_whole(
    store: LedgerStore,
    qtbot: Any,
    qapp: QApplication,
    restore_theme: None,
    size: tuple[int, int],
    language: str,
    theme: str,
) -> None:
    i18n.install(qapp, language)
    theming.apply(qapp, theme)
    try:
        load_demo(store.db)
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        problems: list[str] = []
        for name in TAB_NAMES:
            window.show_tab(name)
            for panel in window.record_panels:
                panel.fit_columns()
            for _ in range(3):
                QApplication.processEvents()
            assert window.width() <= size[0]
            problems += [f"{name}: {p}" for p in _outside(window)]
            for header in window.tabs.currentWidget().findChildren(QHeaderView):
                if header.isVisible() and header.orientation().name == "Horizontal":
                    problems += [f"{name}: header {t} elided" for t in _elided_headers(header)]
            assert not window.grab().isNull()
        assert problems == []
    finally:
        i18n.install(qapp, "en")


def test_the_checks_see_what_they_look_for(qtbot: Any) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QTableView

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 200)
    button = QPushButton("Far away", window)
    button.move(580, 10)
    view = QTableView(window)
    view.resize(580, 150)
    model = QStandardItemModel(1, 3, view)
    model.setHorizontalHeaderLabels(["A rather long header", "B", "C"])
    view.setModel(model)
    view.horizontalHeader().setStretchLastSection(False)
    view.horizontalHeader().resizeSection(0, 30)
    window.show()
    assert any("QPushButton" in p for p in _outside(window))
    assert _elided_headers(view.horizontalHeader()) == ["A rather long header"]


def _dialogs(window: MainWindow) -> list[Any]:
    """Every dialog of the window, opened on the demo's first contract and delivery."""
    from tracker.services.contracts import resolve_reference

    contract = resolve_reference(window.store.db, "MSFT-1PF-STRATOS-DAC").id
    window.select_contract(contract)
    window.show_tab("deliveries")
    window.deliveries.view.selectRow(0)
    opened = [
        window.records.new_contract(),
        window.records.add_tranche(),
        window.records.add_delivery(),
        window.records.retire(),
        window.records.invalidations.add(),
        window.audit.open_settings(),
        window.audit.open_verifications(),
        window.reports.open_save_report(),
        window.reports.open_registry_import(),
        window.reports.open_reconcile(),
        window.choose_as_of(),
    ]
    return [d for d in opened if d is not None]


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_dialog_fits_a_small_screen_with_its_controls_inside(
    store: LedgerStore,
    qtbot: Any,
    qapp: QApplication,
    restore_theme: None,
    language: str,
    theme: str,
) -> None:
    i18n.install(qapp, language)
    theming.apply(qapp, theme)
    try:
        load_demo(store.db)
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(1024, 700)
        window.show()
        problems: list[str] = []
        for dialog in _dialogs(window):
            QApplication.processEvents()
            name = type(dialog).__name__
            hint = dialog.sizeHint()
            if hint.width() > 1024 or hint.height() > 700:
                problems.append(f"{name} wants {hint.width()}x{hint.height()}")
            problems += [f"{name}: {p}" for p in _outside(dialog)]
            assert not dialog.grab().isNull()
            dialog.close()
        assert problems == []
    finally:
        i18n.install(qapp, "en")
