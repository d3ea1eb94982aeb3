"""A 13-inch laptop: the window fits 1024 px, cards reflow, serial blocks keep their end."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from tracker.domain.quantities import format_tonnes_display
from tracker.services.demo import load_demo
from tracker.ui import numbers
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow
from tracker.ui.tables import LeftElideDelegate

pytestmark = pytest.mark.gui


def _demo_window(store: LedgerStore, qtbot: Any) -> MainWindow:
    load_demo(store.db)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_window_can_be_1024_px_wide(
    store: LedgerStore, qtbot: Any, language: str, request: pytest.FixtureRequest
) -> None:
    if language == "zh_CN":
        request.getfixturevalue("chinese")
    window = _demo_window(store, qtbot)
    assert window.minimumSizeHint().width() <= 1024
    window.resize(1024, 700)
    QApplication.processEvents()
    assert window.width() <= 1024


def test_the_contract_list_keeps_its_width_when_the_contract_changes(
    store: LedgerStore, qtbot: Any
) -> None:
    window = _demo_window(store, qtbot)
    window.resize(1280, 800)
    QApplication.processEvents()
    widths = set()
    for row in range(window.portfolio.proxy.rowCount()):
        window.portfolio.view.selectRow(row)
        QApplication.processEvents()
        widths.add(window.portfolio.width())
    assert len(widths) == 1


def test_cards_reflow_on_a_narrow_window_and_stay_equally_tall(
    store: LedgerStore, qtbot: Any
) -> None:
    window = _demo_window(store, qtbot)
    window.resize(1600, 900)
    QApplication.processEvents()
    wide = window.overview.per_row
    window.resize(1024, 700)
    QApplication.processEvents()
    assert window.overview.per_row < wide
    heights = {card.height() for card in window.overview.cards.values()}
    assert len(heights) == 1
    for card in window.overview.cards.values():  # every figure whole
        assert card.value.width() >= card.value.sizeHint().width()


def test_serial_blocks_elide_at_the_left(store: LedgerStore, qtbot: Any) -> None:
    window = _demo_window(store, qtbot)
    for panel in (window.deliveries, window.retirements, window.invalidations):
        column = panel.model.column_of("serial_block")
        assert isinstance(panel.view.itemDelegateForColumn(column), LeftElideDelegate)
    assert window.deliveries.view.textElideMode() == Qt.TextElideMode.ElideRight


def test_tonnes_show_only_the_decimals_they_have() -> None:
    assert format_tonnes_display(63_000_000) == "63,000"
    assert format_tonnes_display(150_500) == "150.5"
    assert format_tonnes_display(50) == "0.05"
    assert format_tonnes_display(1) == "0.001"
    assert format_tonnes_display(-2_500) == "-2.5"
    assert format_tonnes_display(1_234_500, ".", ",") == "1.234,5"


def test_numbers_follow_the_locale_and_each_currency_its_minor_units(qapp: object) -> None:
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("de_DE"))
        assert numbers.tonnes(1_234_500) == "1.234,5"
        assert numbers.money(123_456, "EUR") == "1.234,56 EUR"
        assert numbers.price(12_345_678) == "1.234,5678"
        QLocale.setDefault(QLocale("en"))
        assert numbers.money(123_456, "JPY") == "1,235 JPY"
        assert numbers.money(-5, "USD") == "-0.05 USD"
        assert numbers.price(6_500_000) == "650.00"
    finally:
        QLocale.setDefault(previous)
