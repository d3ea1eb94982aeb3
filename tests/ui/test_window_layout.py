"""What a user sees at 1280×800 on the demo portfolio: no half-visible column in the
contract list, the flag message readable, the serial blocks of deliveries and
retirements on screen."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
from pytestqt.qtbot import QtBot

from tracker.services.contracts import resolve_reference
from tracker.services.demo import load_demo
from tracker.ui.fit_columns import SETTLE_MS, ColumnFitter
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.ledger_tables import ContractsModel
from tracker.ui.tables import PortfolioPanel

pytestmark = pytest.mark.gui

COOKSTOVES = "MSFT-BIOLITE-COOK"


@pytest.fixture
def main(store: LedgerStore, window: Any) -> Any:
    load_demo(store.db)
    window.store.reset.emit()
    window.audit.watcher.evaluate()
    QApplication.processEvents()
    return window


def _shown_columns(view: QTableView) -> list[str]:
    header = view.horizontalHeader()
    return [
        str(view.model().headerData(header.logicalIndex(v), Qt.Orientation.Horizontal))
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]


def _fully_visible(view: QTableView) -> list[str]:
    """Headers of the columns that lie wholly inside the viewport."""
    header = view.horizontalHeader()
    width = view.viewport().width()
    return [
        str(view.model().headerData(c, Qt.Orientation.Horizontal))
        for c in range(header.count())
        if not header.isSectionHidden(c)
        and header.sectionViewportPosition(c) >= 0
        and header.sectionViewportPosition(c) + header.sectionSize(c) <= width
    ]


@pytest.fixture
def portfolio(qtbot: QtBot, store: LedgerStore) -> PortfolioPanel:
    load_demo(store.db)
    panel = PortfolioPanel(ContractsModel(store))
    qtbot.addWidget(panel)
    panel.show()
    return panel


def _resize(qtbot: QtBot, panel: PortfolioPanel, width: int) -> None:
    panel.resize(width, 400)
    view = panel.view
    qtbot.waitUntil(lambda: view.viewport().width() <= width)
    qtbot.waitUntil(lambda: view.horizontalHeader().length() == view.viewport().width())


@pytest.mark.parametrize("width", [330, 354, 440, 600])
def test_contract_list_shows_only_whole_columns(
    qtbot: QtBot, portfolio: PortfolioPanel, width: int
) -> None:
    _resize(qtbot, portfolio, width)

    view = portfolio.view
    assert _fully_visible(view) == _shown_columns(view)
    assert "Delivered" in _shown_columns(view)


def test_a_wide_contract_list_shows_the_supplier_and_a_narrow_one_leaves_it_out(
    qtbot: QtBot, portfolio: PortfolioPanel
) -> None:
    _resize(qtbot, portfolio, 600)
    assert _shown_columns(portfolio.view) == ["Contract", "Supplier", "Status", "Delivered"]

    _resize(qtbot, portfolio, 330)
    assert _shown_columns(portfolio.view) == ["Contract", "Status", "Delivered"]


def test_the_window_contract_list_shows_whole_columns(main: Any) -> None:
    view = main.portfolio.view
    assert _fully_visible(view) == _shown_columns(view)


def test_flag_message_is_the_widest_column(main: Any) -> None:
    main.show_tab("flags")
    QApplication.processEvents()
    view = main.audit.flags.view
    widths = [view.horizontalHeader().sectionSize(c) for c in range(5)]

    assert widths[4] == max(widths)
    assert widths[4] >= view.viewport().width() / 3
    first = main.audit.flags.flag_rows()[0]
    for column in (2, 4):  # a cut subject or finding shows in full in its tooltip
        finding = view.model().index(first, column)
        assert finding.data(Qt.ItemDataRole.ToolTipRole) == finding.data()


def test_flags_of_one_contract_leave_out_the_contract_column(main: Any) -> None:
    main.select_contract(resolve_reference(main.store.db, COOKSTOVES).id)
    main.show_tab("flags")

    assert main.audit.flags.view.isColumnHidden(1)


def test_deliveries_of_all_contracts_show_the_serial_block_and_verification(main: Any) -> None:
    main.show_tab("deliveries")
    main.select_contract(None)
    QApplication.processEvents()

    visible = _fully_visible(main.deliveries.view)

    assert visible[:6] == [
        "Contract",
        "Delivered on",
        "Tonnes",
        "Vintage",
        "Serial block",
        "Verification",
    ]


def test_retirements_of_all_contracts_show_the_serial_block_and_claim_period(main: Any) -> None:
    main.show_tab("retirements")
    main.select_contract(None)
    QApplication.processEvents()

    visible = _fully_visible(main.retirements.view)

    assert visible[:6] == [
        "Contract",
        "Retired on",
        "Tonnes",
        "Serial block",
        "Claim from",
        "Claim to",
    ]


def test_changed_content_is_measured_once_it_settles_not_in_the_edits_turn(
    qtbot: QtBot,
) -> None:
    """An edit's turn of the event loop only redraws the row; the columns are measured
    again a moment later (a 200-row list takes tens of milliseconds to measure)."""
    model = QStandardItemModel(3, 2)
    for row in range(3):
        model.setItem(row, 0, QStandardItem(f"C-{row}"))
        model.setItem(row, 1, QStandardItem("10"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    fitter = ColumnFitter(view, give_way=[], growing=[1])
    view.resize(600, 200)
    view.show()
    qtbot.waitUntil(lambda: view.columnWidth(1) > 300)  # fitted: the slack grows column 1
    before = view.columnWidth(0)

    model.item(1, 0).setText("A-MUCH-LONGER-CONTRACT-REFERENCE-" * 2)
    QApplication.processEvents()
    assert view.columnWidth(0) == before

    qtbot.waitUntil(lambda: view.columnWidth(0) > before + 100, timeout=SETTLE_MS * 10)
    assert fitter.dropped == set()


def test_other_rows_are_measured_at_once(qtbot: QtBot) -> None:
    """Flags arriving, a filter applied: as many rows as before or not, new rows are
    fitted in the turn that brought them (only new values of the same rows settle)."""
    model = QStandardItemModel(1, 2)
    model.setItem(0, 0, QStandardItem("C-0"))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    ColumnFitter(view, give_way=[], growing=[1])
    view.resize(600, 200)
    view.show()
    qtbot.waitUntil(lambda: view.columnWidth(1) > 300)
    before = view.columnWidth(0)

    model.appendRow([QStandardItem("A-MUCH-LONGER-CONTRACT-REFERENCE-" * 2), QStandardItem("")])
    QApplication.processEvents()
    assert view.columnWidth(0) > before + 100
