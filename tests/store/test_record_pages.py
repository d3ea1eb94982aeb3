"""The store's paged read of the table views (``record_pages``): pages by keyset in any
order, across NULL sort values and ties, the row filter (labels included), the count,
where a record falls after sorting, and rows read again by id."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.services.schedule import add_tranche
from tracker.services.synthetic import Spec
from tracker.services.synthetic_write import write_ledger
from tracker.store import record_pages
from tracker.store.record_pages import PageQuery
from tracker.store.record_views import VIEWS
from tracker.store.row_query import RowFilter, RowOrder, SearchColumn, ValueKind
from tracker.store.tranche_fills import ensure_tranche_fills

KEYS = ("id", "contract", "delivered_on", "tonnes_kg", "vintage", "verification_status")
COLUMNS = (
    SearchColumn("contract"),
    SearchColumn("delivered_on", ValueKind.DATE),
    SearchColumn("tonnes_kg", ValueKind.TONNES),
    SearchColumn("vintage", ValueKind.NUMBER),
    SearchColumn(
        "verification_status", ValueKind.CHOICE, {"verified": "Geprüft", "pending": "Offen"}
    ),
)
AS_OF = dt.date(2027, 1, 1)
VINTAGES = [2023, None, 2021, 2023, None, 2022, 2021, None, 2023, 2024]


@pytest.fixture
def ledger(db: sqlite_utils.Database) -> sqlite_utils.Database:
    """Ten deliveries whose vintages repeat (ties) and are missing (NULL)."""
    contract_id = make_contract(db, tonnes="90000")
    for n, vintage in enumerate(VINTAGES):
        pending = n % 3 == 0
        make_delivery(
            db,
            contract_id,
            tonnes=str(10 + n),
            vintage="" if vintage is None else str(vintage),
            delivered_on=f"2025-0{1 + n % 9}-1{n}",
            serial_block=f"ACR-US-1-2025-1-{100 * n + 1} to {100 * n + 10 + n}",
            reference=f"TX-{n}",
            verification_status="pending" if pending else "verified",
            verifier="" if pending else "SCS Global",
            verified_on="" if pending else "2025-12-20",
        )
    return db


def _query(order: RowOrder | None = None, text: str = "", **kw: Any) -> PageQuery:
    row_filter = RowFilter().with_text(text)
    return PageQuery(
        "deliveries", KEYS, COLUMNS, order or RowOrder(), row_filter, as_of=AS_OF, **kw
    )


def _all_pages(db: sqlite_utils.Database, query: PageQuery, limit: int) -> list[tuple]:
    """Every row, read ``limit`` at a time, each page after the last row of the one before."""
    rows: list[tuple] = []
    for _page in range(2 + len(VINTAGES)):  # a keyset that does not advance fails, not hangs
        after = None
        if rows:
            last = dict(zip(query.keys, rows[-1], strict=True))
            after = (query.order.sort_value(last), last["id"])
        page = record_pages.page(db, query, after, limit)
        rows.extend(page)
        if len(page) < limit:
            return rows
    raise AssertionError(f"the pages never end: {rows}")


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("limit", [1, 2, 3, 4])
def test_keyset_pages_cross_null_sort_values_and_ties_in_order(
    ledger: sqlite_utils.Database, descending: bool, limit: int
) -> None:
    order = RowOrder.of(COLUMNS[3], descending)  # vintage: three NULLs, ties
    rows = _all_pages(ledger, _query(order), limit)
    got = [(r[4], r[0]) for r in rows]
    # NULLs first ascending (as SQLite orders them), then by value, ties by id; descending
    # is the exact reverse
    expected = sorted(got, key=lambda r: (r[0] is not None, r[0] or 0, r[1]))
    assert got == (expected[::-1] if descending else expected)
    assert len(got) == len(VINTAGES) == len(set(got))


def _whole(db: sqlite_utils.Database, query: PageQuery) -> list[tuple]:
    return record_pages.page(db, query, None, 1000)


def _key(query: PageQuery, row: tuple) -> tuple[Any, int]:
    values = dict(zip(query.keys, row, strict=True))
    return query.order.sort_value(values), values["id"]


ORDERS = [RowOrder(), RowOrder(None, True)] + [
    RowOrder.of(COLUMNS[n], descending) for n in (1, 3) for descending in (False, True)
]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("size", [1, 3, 4])
def test_rows_at_any_depth_are_the_slice_of_the_whole_order(
    ledger: sqlite_utils.Database, order: RowOrder, size: int
) -> None:
    query = _query(order)
    whole = _whole(ledger, query)
    total = len(whole)
    for first in range(total):
        limit = min(size, total - first)
        expected = whole[first : first + limit]
        # found from the nearer end (skipping), on from the row before, back from the row after
        assert record_pages.rows_at(ledger, query, first, limit, total) == expected
        if first > 0:
            ends = (_key(query, whole[first - 1]), None)
            assert record_pages.rows_at(ledger, query, first, limit, total, ends) == expected
        if first + limit < total:
            ends = (None, _key(query, whole[first + limit]))
            assert record_pages.rows_at(ledger, query, first, limit, total, ends) == expected


def test_nth_reads_the_sort_value_and_id_of_a_row_or_none_past_the_end(
    ledger: sqlite_utils.Database,
) -> None:
    query = _query(RowOrder.of(COLUMNS[3], True))  # vintage, descending: NULLs last
    whole = _whole(ledger, query)
    assert [record_pages.nth(ledger, query, n) for n in range(len(whole))] == [
        _key(query, row) for row in whole
    ]
    assert record_pages.nth(ledger, query, len(whole)) is None


def test_the_last_rows_are_read_backwards_without_skipping(
    ledger: sqlite_utils.Database,
) -> None:
    query = _query(RowOrder.of(COLUMNS[1], False))
    statements: list[str] = []
    with ledger.tracer(lambda sql, _params: statements.append(sql)):
        rows = record_pages.rows_at(ledger, query, 7, 3, 10)
    assert rows == _whole(ledger, query)[7:]
    assert len(statements) == 1
    assert "offset" not in statements[0]
    assert "desc" in statements[0]  # the reverse order, from the end


def test_a_page_in_stored_order_follows_the_ids(ledger: sqlite_utils.Database) -> None:
    first = record_pages.page(ledger, _query(), None, 4)
    second = record_pages.page(ledger, _query(), (first[-1][0], first[-1][0]), 4)
    assert [r[0] for r in first + second] == list(range(1, 9))


def test_the_filter_matches_a_choice_by_the_label_the_user_reads(
    ledger: sqlite_utils.Database,
) -> None:
    query = _query(text="geprüft")  # the label of "verified", not its code
    rows = _all_pages(ledger, query, 100)
    assert {r[5] for r in rows} == {"verified"}
    assert len(rows) == record_pages.count(ledger, query) == 6
    assert record_pages.count(ledger, _query(text="verified")) == 6  # the code matches too
    assert record_pages.count(ledger, _query(text="2021")) == 2  # a vintage
    assert record_pages.count(ledger, _query(text="nothing like it")) == 0


def test_the_filter_takes_like_wildcards_literally(ledger: sqlite_utils.Database) -> None:
    assert record_pages.count(ledger, _query()) == len(VINTAGES)
    assert record_pages.count(ledger, _query(text="%")) == 0
    assert record_pages.count(ledger, _query(text="_")) == 0


def test_exact_matches_and_the_contract_narrow_the_rows(ledger: sqlite_utils.Database) -> None:
    of_2023 = PageQuery(
        "deliveries", KEYS, COLUMNS, row_filter=RowFilter().with_exact("vintage", "2023")
    )
    assert record_pages.count(ledger, of_2023) == 3
    other = make_contract(ledger, reference="C-2")
    assert record_pages.count(ledger, _query(contract_id=other)) == 0
    assert record_pages.count(ledger, _query(contract_id=1)) == len(VINTAGES)


def test_locate_counts_the_rows_up_to_a_record_after_sorting(
    ledger: sqlite_utils.Database,
) -> None:
    order = RowOrder.of(COLUMNS[2], descending=True)  # tonnes: 19, 18, … 10
    query = _query(order)
    first = record_pages.page(ledger, query, None, 2)
    assert [r[3] for r in first] == [19_000, 18_000]
    target = next(r[0] for r in _all_pages(ledger, query, 100) if r[3] == 13_000)
    after = (first[-1][3], first[-1][0])
    missing = record_pages.locate(ledger, query, target, after)
    assert missing == 5  # 17, 16, 15, 14 and 13 tonnes
    more = record_pages.page(ledger, query, after, missing)
    assert more[-1][0] == target
    assert record_pages.locate(ledger, query, target, None) == 7


def test_locate_finds_nothing_the_filter_leaves_out_or_that_does_not_exist(
    ledger: sqlite_utils.Database,
) -> None:
    pending_ids = [r[0] for r in _all_pages(ledger, _query(), 100) if r[5] == "pending"]
    assert record_pages.locate(ledger, _query(text="geprüft"), pending_ids[0], None) is None
    assert record_pages.locate(ledger, _query(), 9999, None) is None


def test_rows_by_id_reads_rows_again_as_they_stand(ledger: sqlite_utils.Database) -> None:
    ledger.execute("update deliveries set vintage = 2030 where id = 2")
    rows = record_pages.rows_by_id(ledger, _query(text="nothing like it"), [2, 5, 9999])
    assert sorted((r[0], r[4]) for r in rows) == [(2, 2030), (5, None)]
    assert record_pages.rows_by_id(ledger, _query(), []) == []


def test_the_schedule_shows_its_source_label_as_given(db: sqlite_utils.Database) -> None:
    contract_id = make_contract(db)
    add_tranche(db, contract_id, {"due_on": "2025-12-31", "tonnes": "400"})
    ensure_tranche_fills(db)
    keys = ("id", "contract", "source")
    english = PageQuery("schedule", keys, (SearchColumn("source"),))
    german = PageQuery("schedule", keys, (SearchColumn("source"),), labels={"source_label": "Rate"})
    assert [r[2] for r in record_pages.page(db, english, None, 10)] == ["Tranche"]
    assert [r[2] for r in record_pages.page(db, german, None, 10)] == ["Rate"]
    filtered = PageQuery("schedule", keys, (SearchColumn("source"),), row_filter=RowFilter("rat"),
                         labels={"source_label": "Rate"})  # fmt: skip
    assert record_pages.count(db, filtered) == 1


def test_every_view_selects_an_id_and_reads_only_its_own_parameters(
    db: sqlite_utils.Database,
) -> None:
    ensure_tranche_fills(db)
    for view in VIEWS:
        assert record_pages.page(db, PageQuery(view, ("id",)), None, 1) == []
        assert record_pages.count(db, PageQuery(view, ("id",))) == 0


def _retired_ledger(db: sqlite_utils.Database) -> dict[int, int]:
    """Deliveries with retired tonnes that tie and differ: id -> retired kilograms."""
    write_ledger(db, Spec(contracts=2, deliveries=40, retirements=25, seed=8))
    return dict(
        db.execute(
            "select d.id, (select coalesce(sum(tonnes_kg), 0) from retirements "
            "where delivery_id = d.id) from deliveries d"
        ).fetchall()
    )


@pytest.mark.parametrize("descending", [False, True])
def test_deliveries_sort_by_retired_tonnes_page_after_page(
    db: sqlite_utils.Database, descending: bool
) -> None:
    retired = _retired_ledger(db)
    query = PageQuery("deliveries", ("id", "retired_kg"), order=RowOrder("retired_kg", descending))
    read: list[tuple[Any, ...]] = []
    after = None
    while page := record_pages.page(db, query, after, 7):
        read += page
        after = (page[-1][1], page[-1][0])

    expected = sorted(retired.items(), key=lambda r: (r[1], r[0]), reverse=descending)
    assert read == expected
    assert len({kg for _, kg in read}) > 3  # ties and differences both sorted
    last_id = expected[-1][0]
    assert record_pages.locate(db, query, last_id, None) == len(expected)


@pytest.mark.parametrize(
    ("key", "index"),
    [
        ("retired_kg", "delivery_totals_retired"),
        ("invalidated_kg", "delivery_totals_invalidated"),
        ("tonnes_kg", "deliveries_tonnes"),
        ("contract", "contracts_reference_nocase"),
    ],
)
def test_a_sorted_page_of_deliveries_reads_an_index_not_every_row(
    db: sqlite_utils.Database, key: str, index: str
) -> None:
    """Sorting a million deliveries by tonnes, retired, invalidated or contract reads a
    page of an index: no sort of all the rows (at most of one contract's, by id)."""
    _retired_ledger(db)
    order = RowOrder(key, descending=True, nocase=key == "contract")  # as the table sorts
    query = PageQuery("deliveries", KEYS, order=order)
    params = {**query.params(), "limit": 200}
    sql = f"select {query.column_list} {query.selected(params)} order by "
    sql += f"{query.order.order_by()} limit :limit"

    plan = " / ".join(r[3] for r in db.execute(f"explain query plan {sql}", params))

    assert "TEMP B-TREE FOR ORDER BY" not in plan, plan
    first_step = plan.split(" / ")[0]
    assert first_step.startswith("SCAN"), plan
    assert f"INDEX {index}" in first_step, plan


@pytest.mark.parametrize("descending", [False, True])
def test_deliveries_sort_by_contract_ignoring_case_page_after_page(
    db: sqlite_utils.Database, descending: bool
) -> None:
    for reference in ("b-2", "A-1", "c-3", "B-1"):
        contract = make_contract(db, reference=reference)
        for n in range(3):
            make_delivery(db, contract, serial_block="", reference=f"{reference}-{n}")
    query = PageQuery("deliveries", ("id", "contract"), order=RowOrder.of(
        SearchColumn("contract"), descending))  # fmt: skip
    read: list[tuple[Any, ...]] = []
    after = None
    while page := record_pages.page(db, query, after, 5):
        read += page
        after = (page[-1][1], page[-1][0])

    rows = db.execute("select d.id, c.reference from deliveries d join contracts c "
                      "on c.id = d.contract_id").fetchall()  # fmt: skip
    expected = sorted(rows, key=lambda r: (r[1].lower(), r[0]), reverse=descending)
    assert read == [tuple(r) for r in expected]
    assert record_pages.count(db, query) == 12
    assert record_pages.locate(db, query, expected[6][0], None) == 7


def test_counting_and_locating_by_retired_agree_with_or_without_a_filter(
    db: sqlite_utils.Database,
) -> None:
    """Unfiltered, the count and the place of a record are read from the kept totals
    alone (no join); filtered by contract or text, from the whole view: the same figures."""
    retired = _retired_ledger(db)
    contracts = dict(db.execute("select id, contract_id from deliveries").fetchall())
    order = RowOrder("retired_kg", descending=True)
    one_contract = next(iter(set(contracts.values())))
    for query, kept in [
        (PageQuery("deliveries", ("id",), order=order), retired),
        (
            PageQuery("deliveries", ("id",), order=order, contract_id=one_contract),
            {i: kg for i, kg in retired.items() if contracts[i] == one_contract},
        ),
    ]:
        expected = sorted(kept.items(), key=lambda r: (r[1], r[0]), reverse=True)
        assert record_pages.count(db, query) == len(expected)
        for place, (record_id, _kg) in enumerate(expected, start=1):
            assert record_pages.locate(db, query, record_id, None) == place
    other = next(i for i, c in contracts.items() if c != one_contract)
    assert record_pages.locate(db, query, other, None) is None  # another contract's


def test_an_unfiltered_count_by_retired_reads_the_kept_totals_alone(
    db: sqlite_utils.Database,
) -> None:
    _retired_ledger(db)
    query = PageQuery("deliveries", KEYS, order=RowOrder("retired_kg"))
    statements: list[str] = []
    with db.tracer(lambda sql, _params: statements.append(sql)):
        record_pages.count(db, query)
    assert len(statements) == 1
    assert "deliveries" not in statements[0]
    filtered = PageQuery("deliveries", KEYS, COLUMNS, RowOrder("retired_kg"), RowFilter("x"))
    statements.clear()
    with db.tracer(lambda sql, _params: statements.append(sql)):
        record_pages.count(db, filtered)
    assert "deliveries" in statements[0]  # a filter reads the columns it searches
