"""Percentages in the window follow its locale like every other figure: "35.1 %" in
American English, "35,1 %" where the decimal mark is a comma, "35.1%" in Chinese, on the
Overview card, in flag findings, in the printable report and beside the chart."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from tests.factories import make_contract, make_delivery
from tracker import i18n
from tracker.domain.messages import Day, Percent, Tonnes, msg
from tracker.services.summary import portfolio_summary
from tracker.ui import messages, numbers
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow
from tracker.ui.reports.pdf import _summary_html

pytestmark = pytest.mark.gui


@pytest.fixture
def german_marks() -> Iterator[None]:
    """The window's numbers in a locale that writes '1.234,5' (its words stay English)."""
    previous = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        yield
    finally:
        QLocale.setDefault(previous)


def _delivered_351_of_1000(store: LedgerStore) -> None:
    make_delivery(store.db, make_contract(store.db), tonnes="350.5", serial_block="")


def _card(window: MainWindow, qtbot: QtBot, key: str) -> str:
    window.overview.job.wait()
    qtbot.waitUntil(lambda: window.overview.card_text(key) not in ("", "—"))
    return window.overview.card_text(key)


def test_a_percentage_has_the_locales_decimal_mark_and_grouping(german_marks: None) -> None:
    assert numbers.percent(351, 1000) == "35,1"
    assert numbers.percent(125_005, 10_000) == "1.250,1"
    assert numbers.percent(1, 0) == ""
    QLocale.setDefault(QLocale("en_US"))
    assert numbers.percent(351, 1000) == "35.1"
    assert numbers.percent(125_005, 10_000) == "1,250.1"


def test_the_delivered_of_contracted_card_follows_the_window_locale(
    store: LedgerStore, qtbot: QtBot, german_marks: None
) -> None:
    _delivered_351_of_1000(store)
    window = MainWindow(store)
    qtbot.addWidget(window)
    assert _card(window, qtbot, "delivered_pct") == "35,1 %"
    assert _card(window, qtbot, "delivered") == "350,5 t"
    window.close()


def test_the_card_in_english_and_chinese(store: LedgerStore, qtbot: QtBot, qapp: Any) -> None:
    _delivered_351_of_1000(store)
    for language, expected in (("en", "35.1 %"), ("zh_CN", "35.1%")):
        i18n.install(qapp, language)
        try:
            window = MainWindow(store)
            qtbot.addWidget(window)
            assert _card(window, qtbot, "delivered_pct") == expected
            window.close()
        finally:
            i18n.install(qapp, "en")


def test_a_flag_finding_words_its_percentages_in_the_window_locale(german_marks: None) -> None:
    shortfall = msg(
        "flag.cumulative_shortfall",
        day=Day("2026-12-02"),
        due=Tonnes(20_000_000),
        delivered=Tonnes(10_000_000),
        gap=Tonnes(10_000_500),
        pct=Percent(10_000_500, 30_000_000),
        contracted=Tonnes(30_000_000),
        limit=10,
    )
    assert messages.text(shortfall) == (
        "By 02.12.2026, 20.000 t was due but only 10.000 t delivered: a shortfall of "
        "10.000,5 t, 33,3 % of the 30.000 t contract (limit 10 %)."
    )


def test_the_printable_report_words_delivered_of_contracted_in_the_window_locale(
    store: LedgerStore, german_marks: None
) -> None:
    _delivered_351_of_1000(store)
    html = _summary_html(portfolio_summary(store.db, store.as_of))
    assert '<td class="n">35,1 %</td>' in html
    assert "35.1" not in html
