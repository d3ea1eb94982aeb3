"""Every tab and every dialog at 1280×800 and 1024×700, in English and Chinese, light and
dark: no header or cell text elided that its column could show whole, no column past the
edge of a table that cannot scroll to it, no label, button or choice with its text cut,
no widget drawn outside its parent, the window no wider than the screen and every dialog
fitting on it.
The checks measure text (whatever font draws it), never glyph shapes.

One window per combination serves all its tabs and dialogs.  With the environment
variable ``TRACKER_SHOTS`` set to a folder, each tab and dialog is saved there as a PNG
(``<size>-<language>-<theme>-<name>.png``) to be looked at.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from tests.ui.dialog_openers import dialog_openers
from tests.ui.render_checks import (
    clipped_buttons,
    clipped_combos,
    clipped_labels,
    columns_out_of_reach,
    cut_cells,
    elided_columns,
    outside_parent,
)
from tracker import i18n
from tracker.services.contracts import resolve_reference
from tracker.ui import theming
from tracker.ui.audit.flags_model import SUBJECT
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import TAB_NAMES, MainWindow

pytestmark = pytest.mark.gui

SIZES = {"1280x800": (1280, 800), "1024x700": (1024, 700)}
CONTRACT = "MSFT-1PF-STRATOS-DAC"  # a demo contract with deliveries and retirements


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _elided(top: QWidget) -> list[str]:
    """Elided columns that could be widened, and columns past a table's edge."""
    headers = [
        header
        for header in top.findChildren(QHeaderView)
        if header.isVisibleTo(top) and header.orientation() is Qt.Orientation.Horizontal
    ]
    return [f"column {text}" for h in headers for text in elided_columns(h)] + [
        f"column {text}" for h in headers for text in columns_out_of_reach(h)
    ]


def _problems(top: QWidget) -> list[str]:
    return (
        outside_parent(top)
        + _elided(top)
        + clipped_labels(top)
        + clipped_combos(top)
        + clipped_buttons(top)
    )


def _dated_subjects_cut(window: MainWindow) -> list[str]:
    """Flags whose subject is a dated tranche ("tranche due 12/31/2025", "2025/12/31 到期的
    交付批次") drawn elided: at 1280×800 the Subject column shows them whole."""
    panel = window.audit.flags
    dated = [
        row
        for row in panel.flag_rows()
        if panel.model.flag_at(row).flag.topic.code.startswith("subject.tranche")  # type: ignore[union-attr]
    ]
    assert dated, "the demo portfolio has a flag on a tranche"
    return cut_cells(panel.view, SUBJECT, dated)


def _shoot(widget: QWidget, combo: str, name: str) -> None:
    folder = os.environ.get("TRACKER_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(folder) / f"{combo}-{name}.png"))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_tab_and_dialog_renders_whole(
    store: LedgerStore,
    qtbot: Any,
    qapp: QApplication,
    restore_theme: None,
    size: str,
    language: str,
    theme: str,
) -> None:
    width, height = SIZES[size]
    combo = f"{size}-{language}-{theme}"
    i18n.install(qapp, language)
    theming.apply(qapp, theme)
    try:
        window = MainWindow(store)  # an empty ledger: the welcome page
        qtbot.addWidget(window)
        window.resize(width, height)
        window.show()
        qtbot.waitExposed(window)
        _settle()
        assert window.overview.welcome.isVisible()
        problems = [f"welcome: {p}" for p in _problems(window)]
        _shoot(window, combo, "welcome")

        window.load_demo_portfolio()  # its first action
        window.audit.watcher.evaluate()
        for contract in (None, resolve_reference(store.db, CONTRACT).id):
            window.select_contract(contract)
            scope = "portfolio" if contract is None else "contract"
            for name in TAB_NAMES:
                window.show_tab(name)
                _settle()
                assert window.width() <= width, name
                problems += [f"{scope} {name}: {p}" for p in _problems(window)]
                if name == "flags" and size == "1280x800" and contract is None:
                    problems += [f"{scope} flags: {p}" for p in _dated_subjects_cut(window)]
                _shoot(window, combo, f"{scope}-{name}")

        window.show_tab("deliveries")
        window.deliveries.view.selectRow(0)
        for name, open_dialog in dialog_openers(window):
            dialog = open_dialog()
            assert dialog is not None, name
            qtbot.waitExposed(dialog)
            _settle()
            hint = dialog.sizeHint()
            if hint.width() > width or hint.height() > height:
                problems.append(f"{name} wants {hint.width()}x{hint.height()}")
            problems += [f"{name}: {p}" for p in _problems(dialog)]
            _shoot(dialog, combo, name)
            dialog.close()
            _settle()
        assert not problems, "\n".join(problems)
    finally:
        i18n.install(qapp, "en")


def test_the_checks_see_what_they_look_for(qtbot: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 200)
    button = QPushButton("Far away", window)
    button.move(580, 10)
    view = QTableView(window)
    view.resize(580, 150)
    model = QStandardItemModel(1, 3, view)
    model.setHorizontalHeaderLabels(["A rather long header", "B", "C"])
    model.setData(model.index(0, 1), "a cell much wider than its column")
    view.setModel(model)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().resizeSection(0, 30)
    view.horizontalHeader().resizeSection(1, 30)
    window.show()
    assert any("QPushButton" in p for p in outside_parent(window))
    assert columns_out_of_reach(view.horizontalHeader()) == []
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.horizontalHeader().resizeSection(2, 900)
    assert [p.split(" ")[0] for p in columns_out_of_reach(view.horizontalHeader())] == ["C"]
    elided = elided_columns(view.horizontalHeader())
    assert [e.split(" (")[0] for e in elided] == ["A rather long header", "B"]
