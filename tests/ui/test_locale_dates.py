"""Dates in the window follow its locale: '6/30/2025' in English, '2025/6/30' in Chinese,
in tables, cards, the chart read-out, flags and history.  Tables still sort and filter by
the stored ISO date (a search typed as ISO or as shown finds it); CSV files and the
command line keep ISO dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from tests.factories import make_contract, make_delivery
from tests.ui.flag_rows import rows
from tracker import i18n
from tracker.domain.messages import render
from tracker.services import tracker_csv
from tracker.services.audit.review import reviewed_flags
from tracker.services.demo import load_demo
from tracker.ui import messages, numbers
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.chart import ChartPanel
from tracker.ui.chart.axes import utc_date_axis
from tracker.ui.dialogs.date_picker import DateEdit
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow
from tracker.ui.models.columns import RAW_ROLE
from tracker.ui.models.ledger_tables import DeliveriesModel

pytestmark = pytest.mark.gui
AS_OF = dt.date(2027, 1, 1)


@pytest.fixture
def two_deliveries(store: LedgerStore) -> LedgerStore:
    """C-1 with deliveries on 2025-06-30 and 2025-12-01 ('12/1/2025' sorts before
    '6/30/2025' as text, after it as a date)."""
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    make_delivery(
        store.db,
        contract_id,
        delivered_on="2025-12-01",
        verified_on="2025-12-15",
        serial_block="ACR-US-1-2025-101-1 to 50",
        tonnes="50",
        reference="TX-2",
    )
    return store


def _dates(model: DeliveriesModel) -> list[str]:
    column = model.column_of("delivered_on")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_the_window_date_format_of_each_locale(qapp: Any) -> None:
    assert numbers.day(dt.date(2026, 3, 31)) == "3/31/2026"
    assert numbers.day("2026-03-31") == "3/31/2026"
    assert numbers.day("") == ""
    assert numbers.day("not a date") == "not a date"  # shown as it is, never lost
    assert numbers.moment("2026-11-29T01:26:51Z") == "11/29/2026 01:26 UTC"
    assert numbers.parse_day("3/31/2026") == dt.date(2026, 3, 31)
    assert numbers.parse_day("2026-03-31") == dt.date(2026, 3, 31)
    assert numbers.parse_day("2026") is None
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("en_GB"))
        assert numbers.day("2026-03-31") == "31/03/2026"
        QLocale.setDefault(QLocale("de_DE"))  # the whole year, never two digits
        assert numbers.day("2026-03-31") == "31.03.2026"
    finally:
        QLocale.setDefault(previous)
    i18n.install(qapp, "zh_CN")
    try:
        assert numbers.day("2026-03-31") == "2026/3/31"
        assert numbers.parse_day("2026/3/31") == dt.date(2026, 3, 31)
    finally:
        i18n.install(qapp, "en")


def test_the_window_locale_follows_the_systems_region(
    monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("en_GB")))
    assert i18n.window_locale("en").name() == "en_GB"
    assert i18n.window_locale("zh_CN").name() == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_TW")))
    assert i18n.window_locale("zh_CN").name() == "zh_CN"  # traditional script: not ours
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.window_locale("en").name() == "en_US"


def test_a_table_cell_shows_the_date_in_the_window_language(
    two_deliveries: LedgerStore, qapp: Any
) -> None:
    model = DeliveriesModel(two_deliveries)
    assert _dates(model) == ["6/30/2025", "12/1/2025"]
    column = model.column_of("delivered_on")
    assert model.index(0, column).data(RAW_ROLE) == "2025-06-30"  # as stored
    i18n.install(qapp, "zh_CN")
    try:
        model.reload()
        assert _dates(model) == ["2025/6/30", "2025/12/1"]
    finally:
        i18n.install(qapp, "en")


def test_tables_sort_by_the_stored_date_and_find_it_typed_either_way(
    two_deliveries: LedgerStore,
) -> None:
    model = DeliveriesModel(two_deliveries)
    column = model.column_of("delivered_on")
    model.set_sort(column, descending=True)
    assert _dates(model) == ["12/1/2025", "6/30/2025"]
    model.set_sort(column)
    assert _dates(model) == ["6/30/2025", "12/1/2025"]
    for typed in ("2025-12-01", "12/1/2025", "2025-12"):
        model.set_filter_text(typed)
        assert _dates(model) == ["12/1/2025"], typed


def test_cards_status_bar_and_chart_read_out_in_english_and_chinese(
    store: LedgerStore, qtbot: QtBot, qapp: Any
) -> None:
    make_delivery(store.db, make_contract(store.db))
    for language, as_of, heading in (
        ("en", "1/1/2027", "All contracts (1), as of 1/1/2027"),
        ("zh_CN", "2027/1/1", "全部合同（1 份），截至 2027/1/1"),
    ):
        i18n.install(qapp, language)
        try:
            window = MainWindow(store)
            qtbot.addWidget(window)
            window.overview.job.wait()
            qtbot.waitUntil(lambda w=window: bool(w.overview.heading.text()))
            assert window.overview.heading.text() == heading
            assert as_of in window.as_of_label.text()
            chart = ChartPanel(store)
            window.attach_chart(chart)
            qtbot.waitUntil(lambda c=chart: c.refresh_count > 0)
            assert chart.show_readout_at(None).startswith(f"{as_of}:")
            assert chart.as_of_line.label.format.endswith(as_of)
            window.close()
        finally:
            i18n.install(qapp, "en")


def test_a_flag_finding_shows_dates_in_the_window_language_and_is_found_by_iso(
    store: LedgerStore, qtbot: QtBot, qapp: Any
) -> None:
    load_demo(store.db)
    expected = {
        "en": ("tranche due 12/31/2025", "Tranche of 10,000 t due 12/31/2025 is late"),
        "zh_CN": ("2025/12/31 到期的交付批次", "2025/12/31 到期的交付批次（10,000 吨）已逾期"),
    }
    for language, (subject, finding) in expected.items():
        i18n.install(qapp, language)
        try:
            window = MainWindow(store)
            qtbot.addWidget(window)
            window.audit.watcher.evaluate()
            panel = window.audit.flags
            shown = [r for r in rows(panel) if r[1] == "MSFT-BIOLITE-COOK" and r[2] == subject]
            assert len(shown) == 1, rows(panel)
            assert shown[0][4].startswith(finding)
            for typed in ("2025-12-31", numbers.day("2025-12-31")):
                panel.model.set_filter(typed)
                found = {r[2] for r in rows(panel)}
                assert subject in found, typed
                assert all("2025" in s or "2025" in f for _, _, s, _, f in rows(panel))
            panel.model.set_filter("")
            window.close()
        finally:
            i18n.install(qapp, "en")


def test_the_history_shows_dates_as_the_window_does_and_finds_them_typed_as_iso(
    two_deliveries: LedgerStore, qtbot: QtBot
) -> None:
    panel = HistoryPanel(two_deliveries)
    qtbot.addWidget(panel)
    panel.refresh()
    records = [panel.table.item(r, 4).text() for r in range(panel.table.rowCount())]
    assert "Delivery of 6/30/2025, 100 t (TX-1)" in records
    changes = [panel.table.item(r, 5).text() for r in range(panel.table.rowCount())]
    assert any("Delivered on: 12/1/2025" in c for c in changes)
    when = panel.table.item(0, 1).text()
    assert when.endswith(" UTC")
    assert "/" in when
    for typed in ("2025-12-01", "12/1/2025"):
        panel.filter.setText(typed)
        shown = [
            panel.table.item(r, 4).text()
            for r in range(panel.table.rowCount())
            if not panel.table.isRowHidden(r)
        ]
        assert shown == ["Delivery of 12/1/2025, 50 t (TX-2)"], typed


def test_csv_files_and_the_command_line_keep_iso_dates_under_a_chinese_window(
    two_deliveries: LedgerStore, chinese: None
) -> None:
    [contract] = [[str(cell) for cell in row] for row in tracker_csv.export_rows(
        two_deliveries.db, "contracts"
    )]  # fmt: skip
    assert "2025-01-01" in contract  # the term's start, as the CSV format writes it
    assert "2025/1/1" not in contract
    load_demo(two_deliveries.db)
    late = next(
        r.flag
        for r in reviewed_flags(two_deliveries.db, AS_OF)
        if r.flag.rule == "LATE_TRANCHE" and r.flag.contract == "MSFT-BIOLITE-COOK"
    )
    assert "due 2025-12-31" in render(late.finding)  # the command line's English
    assert "2025/12/31" in messages.finding(late)  # the window's Chinese


def _date_edit(qtbot: QtBot, holder: QWidget) -> DateEdit:
    layout = QVBoxLayout(holder)
    edit = DateEdit(AS_OF, holder)
    layout.addWidget(edit)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    return edit


def _type_over(qtbot: QtBot, edit: DateEdit, text: str) -> None:
    edit.lineEdit().selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # takes what was typed, as leaving the field does


@pytest.mark.qt_log_ignore("This plugin does not support")  # a pop-up, offscreen
def test_a_date_edit_shows_the_window_format_and_takes_a_typed_iso_date(
    qtbot: QtBot, qapp: Any
) -> None:
    holder = QWidget()
    edit = _date_edit(qtbot, holder)
    assert edit.text() == "1/1/2027"
    _type_over(qtbot, edit, "2026-03-31")
    assert edit.day() == dt.date(2026, 3, 31)
    assert edit.text() == "3/31/2026"
    _type_over(qtbot, edit, "4/2/2025")
    assert edit.day() == dt.date(2025, 4, 2)
    _type_over(qtbot, edit, "2026-02-30")  # no such day: the date stays
    assert edit.day() == dt.date(2025, 4, 2)
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edit.calendarWidget().isVisible()
    edit.calendarWidget().window().close()
    i18n.install(qapp, "zh_CN")
    try:
        chinese = QWidget()
        edit = _date_edit(qtbot, chinese)
        assert edit.text() == "2027/1/1"
        _type_over(qtbot, edit, "2026-03-31")
        assert edit.date() == QDate(2026, 3, 31)
        assert edit.text() == "2026/3/31"
    finally:
        i18n.install(qapp, "en")


def test_the_chart_axis_names_months_in_the_window_language(qapp: Any) -> None:
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp()
    end = dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp()
    for language, march in (("en", "Mar"), ("zh_CN", "3月")):
        i18n.install(qapp, language)
        try:
            axis = utc_date_axis()
            axis.fontMetrics = QFontMetrics(QFont())  # set when drawn; no drawing here
            months = [
                axis.tickStrings(values, 1.0, spacing)
                for spacing, values in axis.tickValues(start, end, 800)
            ]
            assert any(march in labels for labels in months), months
        finally:
            i18n.install(qapp, "en")
