"""The table tabs with tiny pages: header clicks, the filter box and its record count,
undo/redo while sorted, and selecting records beyond the rows read so far."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.factories import make_contract, make_delivery
from tests.ui.gui_helpers import column_texts, show_contract
from tests.ui.paged_ledger import (
    PAGE,
    all_rows,
    true_order,
    use_small_pages,
    varied_ledger,
)
from tracker.ui import commands

pytestmark = pytest.mark.gui

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    use_small_pages(monkeypatch)


@pytest.fixture
def window(window: Any) -> Iterator[Any]:
    """The main window; the views' pending page fetches run before the ledger closes."""
    yield window
    QApplication.processEvents()
    window.close()
    QApplication.processEvents()


def test_the_record_count_shows_the_filtered_total(window: Any, qtbot: Any) -> None:
    varied_ledger(window.store)
    window.store.reset.emit()
    window.show_tab("deliveries")
    panel = window.deliveries
    assert panel.count.text() == "Records: 18"
    qtbot.keyClicks(panel.search, "a-first")
    assert panel.count.text() == "Records: 18"  # applied once typing pauses
    qtbot.waitUntil(lambda: panel.count.text() == "Records: 9")
    # only matching records are read (a page at a time, as the view scrolls); how many
    # pages the visible view has asked for by now depends on event timing
    assert panel.proxy.rowCount() <= 9


def test_clicking_a_header_sorts_every_record(window: Any, qtbot: Any) -> None:
    varied_ledger(window.store)
    window.store.reset.emit()
    window.show_tab("deliveries")
    panel = window.deliveries
    header = panel.view.horizontalHeader()
    column = panel.model.column_of("tonnes_kg")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    clicked = header.viewport().rect().center()
    clicked.setX(x)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=clicked)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=clicked)
    assert header.sortIndicatorSection() == column
    assert column_texts(panel, "tonnes_kg")[0] == "1,000 t"


def test_undo_and_redo_after_sorting_keep_the_table_in_order(window: Any) -> None:
    varied_ledger(window.store)
    store = window.store
    contract_id = store.db.execute("select id from contracts where reference = 'a-first'")
    contract_id = contract_id.fetchone()[0]
    show_contract(window, contract_id)
    panel = window.deliveries
    panel.view.sortByColumn(panel.model.column_of("tonnes_kg"), DESC)
    before = column_texts(panel, "tonnes_kg")
    assert before[0] == "1,000 t"

    big = {
        "delivered_on": "2025-12-01",
        "tonnes": "5000",
        "vintage": "2025",
        "registry": "",
        "serial_block": "ACR-US-1-2025-1-50001 to 55000",
        "verification_status": "pending",
        "verifier": "",
        "verified_on": "",
        "reference": "TX-BIG",
    }
    delivery = commands.perform(store, commands.add_delivery(store, contract_id, big))
    assert panel.select_record(delivery.id)  # as the Add form does after saving
    assert panel.selected_id() == delivery.id
    assert column_texts(panel, "tonnes_kg")[0] == "5,000 t"
    commands.perform(
        store,
        commands.edit_delivery(
            store,
            delivery.id,
            {**big, "tonnes": "2", "serial_block": "ACR-US-1-2025-1-50001 to 50002"},
        ),
    )
    edited = column_texts(panel, "tonnes_kg")
    assert "5,000 t" not in edited
    assert edited[0] == "1,000 t"

    window.undo_action.trigger()  # the edit: 5,000 t again, on top
    assert column_texts(panel, "tonnes_kg")[0] == "5,000 t"
    window.undo_action.trigger()  # the add
    assert column_texts(panel, "tonnes_kg") == before
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert all_rows(panel.model) == true_order(all_rows(panel.model), descending=True)
    assert panel.count.text() == "Records: 10"


def test_a_record_beyond_the_loaded_page_is_selected_in_few_queries(window: Any) -> None:
    varied_ledger(window.store)
    window.store.reset.emit()
    window.show_tab("deliveries")
    panel = window.deliveries
    panel.view.sortByColumn(panel.model.column_of("delivered_on"), ASC)
    last_id = window.store.db.execute(
        "select id from deliveries order by delivered_on desc, id desc limit 1"
    ).fetchone()[0]
    assert panel.model.row_of(last_id) is None
    statements: list[str] = []
    with window.store.db.tracer(lambda sql, _params: statements.append(sql)):
        row = panel.model.locate(last_id)
    assert row == 17  # the last of 18 in date order
    assert len(statements) == 2  # its sort value, how many rows come up to it
    assert panel.select_record(last_id)
    assert panel.selected_id() == last_id


def test_navigating_to_a_record_beyond_the_page_selects_it(window: Any) -> None:
    varied_ledger(window.store)
    window.store.reset.emit()
    retirement_id = window.store.db.execute("select max(id) from retirements").fetchone()[0]
    assert window.navigate_to("retirements", retirement_id)
    assert window.retirements.selected_id() == retirement_id


def test_a_filtered_out_record_is_not_selected(window: Any, qtbot: Any) -> None:
    varied_ledger(window.store)
    window.store.reset.emit()
    panel = window.deliveries
    qtbot.keyClicks(panel.search, "B-SECOND")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)  # Enter applies the filter at once
    assert panel.count.text() == "Records: 9"
    first = window.store.db.execute(
        "select min(d.id) from deliveries d join contracts c on c.id = d.contract_id "
        "where c.reference = 'a-first'"
    ).fetchone()[0]
    assert not panel.select_record(first)


def test_the_portfolio_finds_a_contract_beyond_its_first_page(window: Any) -> None:
    for n in range(3 * PAGE):
        make_contract(window.store.db, reference=f"C-{n:02d}")
    window.store.reset.emit()
    last = window.store.db.execute("select max(id) from contracts").fetchone()[0]
    window.select_contract(last)
    assert window.contract_id == last


def test_an_edit_in_a_sorted_table_moves_the_row_and_keeps_it_selected(window: Any) -> None:
    store = window.store
    contract_id = make_contract(store.db, tonnes="5000")
    ids = [
        make_delivery(
            store.db,
            contract_id,
            tonnes=str(tonnes),
            serial_block=f"ACR-US-1-2025-1-{start} to {start + tonnes - 1}",
            reference=f"TX-{n}",
        )
        for n, (tonnes, start) in enumerate([(30, 1), (20, 101), (10, 201)])
    ]
    show_contract(window, contract_id)
    panel = window.deliveries
    panel.view.sortByColumn(panel.model.column_of("tonnes_kg"), DESC)
    assert panel.select_record(ids[0])
    edit = {
        "delivered_on": "2025-06-30",
        "tonnes": "5",
        "vintage": "2025",
        "registry": "",
        "serial_block": "ACR-US-1-2025-1-1 to 5",
        "verification_status": "verified",
        "verifier": "SCS Global",
        "verified_on": "2025-07-15",
        "reference": "TX-0",
    }
    commands.perform(store, commands.edit_delivery(store, ids[0], edit))
    assert column_texts(panel, "tonnes_kg") == ["20 t", "10 t", "5 t"]
    assert panel.selected_id() == ids[0]
    assert panel.edit_button.isEnabled()
