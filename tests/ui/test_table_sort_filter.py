"""Sorting and the row filter of the paged table models apply to every record, not only to
the rows fetched so far: pages are tiny here, so a proxy that sorted or filtered what it had
seen would fail every test."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.factories import make_contract, make_delivery
from tests.ui.paged_ledger import (
    MODELS,
    PAGE,
    all_rows,
    true_order,
    use_small_pages,
    varied_ledger,
)
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import Kind
from tracker.ui.models.ledger_tables import (
    ContractsModel,
    DeliveriesModel,
    RetirementsModel,
)
from tracker.ui.models.proxy import RecordFilterProxy
from tracker.ui.models.schedule_table import ScheduleModel

pytestmark = pytest.mark.gui

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    use_small_pages(monkeypatch)


ORDERED_KINDS = (Kind.DATE, Kind.TONNES, Kind.PRICE, Kind.NUMBER)


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
    varied_ledger(store)
    model = MODELS[table](store)
    proxy = RecordFilterProxy(model)
    column = model.column_of(key)
    proxy.sort(column, order)
    top = range(min(PAGE, model.rowCount()))
    first_page = [(model.raw(row, key), model.record_id(row)) for row in top]
    everything = all_rows(model)
    expected = true_order(everything, order == DESC)
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
    assert shown == ["30 t", "29 t", "28 t"]


def test_text_columns_sort_case_insensitively_across_pages(store: LedgerStore) -> None:
    varied_ledger(store)
    model = DeliveriesModel(store)
    RecordFilterProxy(model).sort(model.column_of("contract"), ASC)
    contracts = [value for value, _id in all_rows(model)]
    assert contracts == ["a-first"] * 9 + ["B-SECOND"] * 9


def test_sorting_back_to_stored_order_with_column_minus_one(store: LedgerStore) -> None:
    varied_ledger(store)
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    proxy.sort(model.column_of("tonnes_kg"), DESC)
    proxy.sort(-1, ASC)
    ids = [record_id for _value, record_id in all_rows(model)]
    assert ids == sorted(ids)


def test_the_even_schedule_rows_sort_among_themselves(store: LedgerStore) -> None:
    contract_id = make_contract(store.db, start_on="2025-01-01", end_on="2027-12-31")
    model = ScheduleModel(store)
    model.set_contract(contract_id)
    RecordFilterProxy(model).sort(model.column_of("due_on"), DESC)
    shown = [model.index(r, model.column_of("due_on")).data() for r in range(model.rowCount())]
    assert shown == ["12/31/2027", "12/31/2026", "12/31/2025"]


def test_the_filter_finds_a_record_not_yet_fetched(store: LedgerStore) -> None:
    varied_ledger(store)
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    assert model.rowCount() > PAGE
    assert model.held_rows() == 0  # nothing read before the view asks
    proxy.set_text("tx-a-first-7")  # the 16th delivery, case as the user types it
    assert proxy.rowCount() == 1
    assert model.raw(0, "transfer_reference") == "TX-a-first-7"


def test_the_filter_matches_a_choice_by_the_label_shown(store: LedgerStore) -> None:
    varied_ledger(store)
    store.db.execute("update retirements set purpose = 'insetting' where id % 2 = 0")
    model = RetirementsModel(store)
    RecordFilterProxy(model).set_text("corporate TARGET")  # the label; the code has a "-"
    purposes = {model.raw(row, "purpose") for row in range(model.rowCount())}
    odd = store.db.execute("select count(*) from retirements where id % 2 = 1").fetchone()[0]
    assert purposes == {"corporate-target"}
    assert model.total_count() == odd


def test_the_filter_takes_wildcards_literally(store: LedgerStore) -> None:
    varied_ledger(store)
    model = RetirementsModel(store)
    proxy = RecordFilterProxy(model)
    proxy.set_text("%")
    assert model.rowCount() == 0
    proxy.set_text("RET_0")  # "_" would match any one character in LIKE
    assert model.rowCount() == 0
    proxy.set_text("RET-0")
    assert model.total_count() > 0


def test_sort_and_filter_together_keep_thetrue_order(store: LedgerStore) -> None:
    varied_ledger(store)
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    proxy.set_text("a-first")
    proxy.sort(model.column_of("tonnes_kg"), DESC)
    tonnes = [value for value, _id in all_rows(model)]
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
        {
            **stored,
            "id": None,
            "uid": None,
            "tonnes_kg": 1000 * (n % 97 + 1),
            "reference": f"TX-{n}",
        }
        for n in range(3000)
    ]
    store.db["deliveries"].insert_all(rows)  # bulk fixture data, straight into the table
    model = DeliveriesModel(store)
    proxy = RecordFilterProxy(model)
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        proxy.sort(model.column_of("tonnes_kg"), DESC)
        proxy.set_text("TX-29")
        assert len(statements) == 2  # one COUNT each, no row read before the view asks
        assert model.rowCount() == 111  # TX-29, TX-290…299, TX-2900…2999
        assert model.raw(0, "tonnes_kg") == 97_000
        assert len(statements) == 3  # the top page, in one query
    assert model.held_rows() == PAGE


@pytest.mark.parametrize("model_class", [*MODELS.values(), ContractsModel])
def test_sorted_and_filtered_models_pass_the_qt_model_tester(
    store: LedgerStore, qtmodeltester: Any, model_class: type
) -> None:
    varied_ledger(store)
    model = model_class(store)
    proxy = RecordFilterProxy(model)
    proxy.sort(
        model.column_of("contract" if model_class is not ContractsModel else "supplier"), DESC
    )
    proxy.set_text("a")
    qtmodeltester.check(proxy)
    qtmodeltester.check(model)


def test_no_table_of_the_window_shows_the_global_id(store: LedgerStore) -> None:
    from tracker.ui.models.ledger_tables import (
        ContractsModel,
        DeliveriesModel,
        InvalidationsModel,
        RetirementsModel,
    )
    from tracker.ui.models.schedule_table import ScheduleModel

    for model_class in (
        ContractsModel,
        ScheduleModel,
        DeliveriesModel,
        InvalidationsModel,
        RetirementsModel,
    ):
        model = model_class(store)
        assert "uid" not in {c.key for c in model.columns}, model_class.__name__
