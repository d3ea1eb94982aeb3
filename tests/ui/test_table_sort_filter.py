"""Sorting and the row filter of the paged tables apply to every record, not only to the
rows fetched so far: pages are tiny here, so a proxy that sorted or filtered what it had
seen would fail every test."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.factories import make_contract, make_delivery, retirement_data
from tests.ui.gui_helpers import column_texts, show_contract
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche
from tracker.ui import commands
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import Kind
from tracker.ui.models.lazy_table import LazySqlTableModel
from tracker.ui.models.ledger_tables import (
    ContractsModel,
    DeliveriesModel,
    RetirementsModel,
    ScheduleModel,
)
from tracker.ui.models.proxy import RecordFilterProxy

pytestmark = pytest.mark.gui

PAGE = 4
ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
ORDERED_KINDS = (Kind.DATE, Kind.TONNES, Kind.PRICE, Kind.NUMBER)
MODELS = {"schedule": ScheduleModel, "deliveries": DeliveriesModel, "retirements": RetirementsModel}


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    for model_class in (LazySqlTableModel, ContractsModel, *MODELS.values()):
        monkeypatch.setattr(model_class, "page_size", PAGE)


@pytest.fixture
def window(window: Any) -> Iterator[Any]:
    """The main window; the views' pending page fetches run before the ledger closes."""
    yield window
    QApplication.processEvents()
    window.close()
    QApplication.processEvents()


def _ledger(store: LedgerStore) -> None:
    """Two contracts with tranches, deliveries and retirements whose values repeat (ties),
    are missing (NULL) and differ in digit count (text order would be wrong)."""
    db = store.db
    for n, reference in enumerate(("B-SECOND", "a-first")):
        contract_id = make_contract(
            db,
            reference=reference,
            tonnes="90000",
            price_per_tonne=str(300 + 200 * n),
            start_on="2025-01-01",
            end_on="2030-12-31",
        )
        for k in range(7):
            tranche = {"due_on": f"{2025 + k % 5}-{1 + (k * 5) % 12:02d}-15"}
            tranche["tonnes"] = str([5, 40, 300, 40, 9, 1200, 75][k])
            if k % 3:
                tranche["vintage"] = str(2020 + k % 4)
                tranche["price_per_tonne"] = str(90 + 25 * k)
            add_tranche(db, contract_id, tranche)
        start = 1
        for k in range(9):
            tonnes = [30, 10, 200, 10, 7, 1000, 30, 5, 64][k]
            pending = k % 4 == 1
            make_delivery(
                db,
                contract_id,
                tonnes=str(tonnes),
                delivered_on=f"2025-{1 + (k * 7) % 12:02d}-{10 + k:02d}",
                vintage=str(2021 + k % 3),
                serial_block=f"ACR-US-{n}-2025-1-{start} to {start + tonnes - 1}",
                reference=f"TX-{reference}-{k}",
                verification_status="pending" if pending else "verified",
                verifier="" if pending else "SCS Global",
                verified_on="" if pending else f"2025-{1 + (k * 5) % 12:02d}-28",
            )
            start += tonnes
        for k in range(6):
            retire(
                db,
                contract_id,
                retirement_data(
                    tonnes=str([3, 12, 3, 40, 1, 8][k]),
                    retired_on=f"2026-{1 + (k * 4) % 12:02d}-0{1 + k}",
                    claim_start="" if k % 2 else f"202{k % 3}-01-01",
                    claim_end="" if k % 3 == 2 else f"2025-{1 + k:02d}-28",
                    registry_reference=f"RET-{n}-{k}",
                ),
            )


def _all_rows(model: LazySqlTableModel) -> list[tuple[Any, int]]:
    """Fetch every page; (raw value of the sorted column, id) of each row."""
    while model.canFetchMore():
        model.fetchMore()
    key = model.order.key or "id"
    return [(model.raw(row, key), model.record_id(row)) for row in range(model.rowCount())]


def _true_order(rows: list[tuple[Any, int]], descending: bool) -> list[tuple[Any, int]]:
    """Missing values first, then by value, ties by id; descending is the exact reverse."""
    ordered = sorted(rows, key=lambda r: (r[0] is not None, r[0] if r[0] is not None else 0, r[1]))
    return ordered[::-1] if descending else ordered


SORTED_COLUMNS = [
    (name, column.key, order)
    for name, model_class in MODELS.items()
    for column in model_class.build_columns(model_class.__new__(model_class))  # type: ignore[arg-type]
    if column.kind in ORDERED_KINDS
    for order in (ASC, DESC)
]


@pytest.mark.parametrize(("table", "key", "order"), SORTED_COLUMNS)
def test_sorting_a_numeric_or_date_column_gives_the_true_global_order(
    store: LedgerStore, table: str, key: str, order: Qt.SortOrder
) -> None:
    _ledger(store)
    model = MODELS[table](store)
    proxy = RecordFilterProxy(model)
    column = model.column_of(key)
    proxy.sort(column, order)
    first_page = [(model.raw(row, key), model.record_id(row)) for row in range(model.rowCount())]
    everything = _all_rows(model)
    expected = _true_order(everything, order == DESC)
    assert len(everything) > 3 * PAGE
    assert everything == expected
    assert first_page == expected[:PAGE]  # the top of the table, before any scrolling


def test_sorting_deliveries_by_tonnes_descending_puts_the_largest_on_top(
    store: LedgerStore,
) -> None:
    contract_id = make_contract(store.db, tonnes="5000")
    for n in range(30):  # 1 t … 30 t, the largest last in stored order
        make_delivery(
            store.db,
            contract_id,
            tonnes=str(n + 1),
            serial_block=f"ACR-US-1-2025-1-{1000 * n + 1} to {1000 * n + n + 1}",
            reference=f"TX-{n}",
        )
    proxy = RecordFilterProxy(DeliveriesModel(store))
    proxy.sort(proxy.source.column_of("tonnes_kg"), DESC)
    shown = [proxy.index(r, proxy.source.column_of("tonnes_kg")).data() for r in range(3)]
    assert shown == ["30.000 t", "29.000 t", "28.000 t"]


def test_text_columns_sort_case_insensitively_across_pages(store: LedgerStore) -> None:
    _ledger(store)
    model = DeliveriesModel(store)
    RecordFilterProxy(model).sort(model.column_of("contract"), ASC)
    contracts = [value for value, _id in _all_rows(model)]
    assert contracts == ["a-first"] * 9 + ["B-SECOND"] * 9


def test_sorting_back_to_stored_order_with_column_minus_one(store: LedgerStore) -> None:
    _ledger(store)
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    proxy.sort(model.column_of("tonnes_kg"), DESC)
    proxy.sort(-1, ASC)
    ids = [record_id for _value, record_id in _all_rows(model)]
    assert ids == sorted(ids)


def test_the_even_schedule_rows_sort_among_themselves(store: LedgerStore) -> None:
    contract_id = make_contract(store.db, start_on="2025-01-01", end_on="2027-12-31")
    model = ScheduleModel(store)
    model.set_contract(contract_id)
    RecordFilterProxy(model).sort(model.column_of("due_on"), DESC)
    shown = [model.index(r, model.column_of("due_on")).data() for r in range(model.rowCount())]
    assert shown == ["2027-12-31", "2026-12-31", "2025-12-31"]


def test_the_filter_finds_a_record_not_yet_fetched(store: LedgerStore) -> None:
    _ledger(store)
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    assert model.rowCount() == PAGE
    proxy.set_text("tx-a-first-7")  # the 16th delivery, case as the user types it
    assert proxy.rowCount() == 1
    assert model.raw(0, "transfer_reference") == "TX-a-first-7"


def test_the_filter_matches_a_choice_by_the_label_shown(store: LedgerStore) -> None:
    _ledger(store)
    store.db.execute("update retirements set purpose = 'insetting' where id % 2 = 0")
    model = RetirementsModel(store)
    RecordFilterProxy(model).set_text("corporate TARGET")  # the label; the code has a "-"
    purposes = {model.raw(row, "purpose") for row in range(model.rowCount())}
    odd = store.db.execute("select count(*) from retirements where id % 2 = 1").fetchone()[0]
    assert purposes == {"corporate-target"}
    assert model.total_count() == odd


def test_the_filter_takes_wildcards_literally(store: LedgerStore) -> None:
    _ledger(store)
    model = RetirementsModel(store)
    proxy = RecordFilterProxy(model)
    proxy.set_text("%")
    assert model.rowCount() == 0
    proxy.set_text("RET_0")  # "_" would match any one character in LIKE
    assert model.rowCount() == 0
    proxy.set_text("RET-0")
    assert model.total_count() > 0


def test_sort_and_filter_together_keep_the_true_order(store: LedgerStore) -> None:
    _ledger(store)
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    proxy.set_text("a-first")
    proxy.sort(model.column_of("tonnes_kg"), DESC)
    tonnes = [value for value, _id in _all_rows(model)]
    assert tonnes == [1_000_000, 200_000, 64_000, 30_000, 30_000, 10_000, 10_000, 7_000, 5_000]


def test_sorting_or_filtering_a_large_table_is_one_query_for_one_page(
    store: LedgerStore,
) -> None:
    contract_id = make_contract(store.db, tonnes="100000")
    first = make_delivery(store.db, contract_id)
    template = store.db.execute("select * from deliveries where id = ?", [first]).fetchone()
    columns = [c[0] for c in store.db.execute("select * from deliveries limit 0").description]
    stored = dict(zip(columns, template, strict=True))
    rows = [
        {**stored, "id": None, "tonnes_kg": 1000 * (n % 97 + 1), "reference": f"TX-{n}"}
        for n in range(3000)
    ]
    store.db["deliveries"].insert_all(rows)  # bulk fixture data, straight into the table
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        proxy.sort(model.column_of("tonnes_kg"), DESC)
        proxy.set_text("TX-29")
    assert len(statements) == 2  # one page query each, nothing loaded beyond the page
    assert model.rowCount() == PAGE
    assert model.raw(0, "tonnes_kg") == 97_000


def test_the_record_count_shows_the_filtered_total(window: Any, qtbot: Any) -> None:
    _ledger(window.store)
    window.store.reset.emit()
    window.show_tab("deliveries")
    panel = window.deliveries
    assert panel.count.text() == "Records: 18"
    qtbot.keyClicks(panel.search, "a-first")
    assert panel.count.text() == "Records: 18"  # applied once typing pauses
    qtbot.waitUntil(lambda: panel.count.text() == "Records: 9")
    assert panel.proxy.rowCount() == PAGE  # still paged


def test_clicking_a_header_sorts_every_record(window: Any, qtbot: Any) -> None:
    _ledger(window.store)
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
    assert column_texts(panel, "tonnes_kg")[0] == "1,000.000 t"


def test_undo_and_redo_after_sorting_keep_the_table_in_order(window: Any) -> None:
    _ledger(window.store)
    store = window.store
    contract_id = store.db.execute("select id from contracts where reference = 'a-first'")
    contract_id = contract_id.fetchone()[0]
    show_contract(window, contract_id)
    panel = window.deliveries
    panel.view.sortByColumn(panel.model.column_of("tonnes_kg"), DESC)
    before = column_texts(panel, "tonnes_kg")
    assert before[0] == "1,000.000 t"

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
    assert column_texts(panel, "tonnes_kg")[0] == "5,000.000 t"
    commands.perform(
        store,
        commands.edit_delivery(
            store,
            delivery.id,
            {**big, "tonnes": "2", "serial_block": "ACR-US-1-2025-1-50001 to 50002"},
        ),
    )
    edited = column_texts(panel, "tonnes_kg")
    assert "5,000.000 t" not in edited
    assert edited[0] == "1,000.000 t"

    window.undo_action.trigger()  # the edit: 5,000 t again, on top
    assert column_texts(panel, "tonnes_kg")[0] == "5,000.000 t"
    window.undo_action.trigger()  # the add
    assert column_texts(panel, "tonnes_kg") == before
    window.redo_action.trigger()
    window.redo_action.trigger()
    assert _all_rows(panel.model) == _true_order(_all_rows(panel.model), descending=True)
    assert panel.count.text() == "Records: 10"


def test_a_record_beyond_the_loaded_page_is_selected_in_few_queries(window: Any) -> None:
    _ledger(window.store)
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
    assert row == 17  # the last of 18 in date order, its rows read in one go
    assert len(statements) == 3  # its sort value, how many rows lie before it, those rows
    assert panel.select_record(last_id)
    assert panel.selected_id() == last_id


def test_navigating_to_a_record_beyond_the_page_selects_it(window: Any) -> None:
    _ledger(window.store)
    window.store.reset.emit()
    retirement_id = window.store.db.execute("select max(id) from retirements").fetchone()[0]
    assert window.navigate_to("retirements", retirement_id)
    assert window.retirements.selected_id() == retirement_id


def test_a_filtered_out_record_is_not_selected(window: Any, qtbot: Any) -> None:
    _ledger(window.store)
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


@pytest.mark.parametrize("model_class", [*MODELS.values(), ContractsModel])
def test_sorted_and_filtered_models_pass_the_qt_model_tester(
    store: LedgerStore, qtmodeltester: Any, model_class: type
) -> None:
    _ledger(store)
    model = model_class(store)
    proxy = RecordFilterProxy(model)
    proxy.sort(
        model.column_of("contract" if model_class is not ContractsModel else "supplier"), DESC
    )
    proxy.set_text("a")
    qtmodeltester.check(proxy)
    qtmodeltester.check(model)


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
    assert column_texts(panel, "tonnes_kg") == ["20.000 t", "10.000 t", "5.000 t"]
    assert panel.selected_id() == ids[0]
    assert panel.edit_button.isEnabled()
