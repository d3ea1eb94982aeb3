"""A table model spans every record and reads the pages its view looks at: any row (the
last of a large table, a record far down) is a short read, the rows held stay bounded
whatever the table's size, and on a ledger file the pages are read on a worker."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt

from tests.factories import make_contract, make_delivery
from tracker.store import record_pages
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.lazy_table import LazySqlTableModel
from tracker.ui.models.ledger_tables import DeliveriesModel
from tracker.ui.models.proxy import RecordFilterProxy

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _pages_read_beside_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo is small: read its pages on the worker as a large ledger's are."""
    monkeypatch.setattr(LazySqlTableModel, "beside_from", 0)


ROWS = 40
DESC = Qt.SortOrder.DescendingOrder


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DeliveriesModel, "page_size", 5)
    monkeypatch.setattr(DeliveriesModel, "cached_pages", 3)


def _deliveries(store: LedgerStore, count: int = ROWS) -> None:
    contract_id = make_contract(store.db, tonnes="90000")
    for n in range(count):
        tonnes = 1 + (n * 7) % 11  # repeats: ties broken by id
        start = 100 * n + 1
        make_delivery(
            store.db,
            contract_id,
            tonnes=str(tonnes),
            serial_block=f"ACR-US-1-2025-1-{start} to {start + tonnes - 1}",
            reference=f"TX-{n}",
        )


def _by_tonnes_descending(store: LedgerStore) -> list[int]:
    found = store.db.execute("select id from deliveries order by tonnes_kg desc, id desc")
    return [row[0] for row in found.fetchall()]


def _sorted_model(store: LedgerStore) -> DeliveriesModel:
    model = DeliveriesModel(store)
    RecordFilterProxy(model).sort(model.column_of("tonnes_kg"), DESC)
    return model


@pytest.mark.usefixtures("small_pages")
def test_every_row_down_and_back_up_is_in_order_and_the_rows_held_stay_bounded(
    store: LedgerStore,
) -> None:
    _deliveries(store)
    model = _sorted_model(store)
    expected = _by_tonnes_descending(store)
    most = 0
    down = []
    for row in range(model.rowCount()):
        down.append(model.record_id(row))
        most = max(most, model.held_rows())
    up = []
    for row in reversed(range(model.rowCount())):
        up.append(model.record_id(row))
        most = max(most, model.held_rows())
    assert down == expected
    assert up == expected[::-1]
    assert most == 15  # three pages of five, of forty rows


@pytest.mark.usefixtures("small_pages")
def test_the_page_after_one_held_is_read_on_from_its_last_row(store: LedgerStore) -> None:
    _deliveries(store)
    model = _sorted_model(store)
    model.record_id(0)
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        shown = [model.record_id(row) for row in range(5, 20)]
    assert shown == _by_tonnes_descending(store)[5:20]
    assert len(statements) == 3  # one query a page
    assert not any("offset" in sql for sql in statements)  # no row skipped over


@pytest.mark.usefixtures("small_pages")
def test_the_last_row_of_a_sorted_table_is_one_short_read(store: LedgerStore) -> None:
    _deliveries(store)
    model = _sorted_model(store)
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        last = model.record_id(model.rowCount() - 1)
    assert last == _by_tonnes_descending(store)[-1]
    assert len(statements) == 1
    assert "offset" not in statements[0]
    assert model.held_rows() == 5


@pytest.mark.usefixtures("small_pages")
def test_a_page_in_the_middle_skips_over_the_sort_columns_alone(store: LedgerStore) -> None:
    _deliveries(store)
    model = _sorted_model(store)
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        shown = model.record_id(17)
    assert shown == _by_tonnes_descending(store)[17]
    skipping, reading = statements
    assert "offset" in skipping
    assert skipping.startswith("select [tonnes_kg], id ")
    assert "offset" not in reading


@pytest.mark.usefixtures("small_pages")
def test_a_record_far_down_is_located_without_reading_the_rows_before_it(
    store: LedgerStore,
) -> None:
    _deliveries(store)
    model = _sorted_model(store)
    wanted = _by_tonnes_descending(store)[33]
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        row = model.locate(wanted)
    assert row == 33
    assert len(statements) == 2  # its sort value, then how many rows come up to it
    assert model.held_rows() == 0
    assert model.record_id(33) == wanted


def test_on_a_ledger_file_pages_are_read_on_a_worker_and_drawn_when_they_come(
    owner: QObject, demo_file_store: LedgerStore, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    model = DeliveriesModel(demo_file_store, owner)
    reference = model.column_of("transfer_reference")
    last = model.rowCount() - 1
    threads: list[threading.Thread] = []
    real = record_pages.rows_at
    monkeypatch.setattr(
        record_pages,
        "rows_at",
        lambda *a, **k: threads.append(threading.current_thread()) or real(*a, **k),
    )
    statements: list[str] = []
    with demo_file_store.db.tracer(lambda sql, _params: statements.append(sql)):
        assert model.index(last, reference).data() is None  # on its way, drawn empty
        with qtbot.waitSignal(model.dataChanged, timeout=10_000):
            pass
    assert statements == []  # the window's connection read nothing
    assert threads
    assert threading.main_thread() not in threads
    expected = demo_file_store.db.execute(
        "select reference from deliveries order by id desc limit 1"
    ).fetchone()[0]
    assert model.index(last, reference).data() == expected


def test_a_page_read_for_an_outdated_order_is_dropped(
    owner: QObject, demo_file_store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    model = DeliveriesModel(demo_file_store, owner)
    model.index(0, 0).data()  # asked for in stored order…
    RecordFilterProxy(model, owner).sort(model.column_of("tonnes_kg"), DESC)  # …then sorted
    assert model.page_reader.wait()
    assert model.held_rows() == 0  # the stored-order page was not kept
    model.index(0, 0).data()
    assert model.page_reader.wait()
    largest = demo_file_store.db.execute(
        "select id from deliveries order by tonnes_kg desc, id desc limit 1"
    ).fetchone()[0]
    assert model.held_rows() == 2  # the sorted page, read on the worker
    assert model.record_id(0) == largest


def test_showing_a_large_table_reads_only_the_rows_in_view(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DeliveriesModel, "page_size", 10)
    _deliveries(window.store, 150)
    window.resize(1280, 800)
    window.show()
    window.store.reset.emit()
    window.show_tab("deliveries")  # fits its columns to what it shows
    model = window.deliveries.model
    visible = window.deliveries.view.viewport().height() // 24 + 1
    assert model.rowCount() == 150
    assert 0 < model.held_rows() <= visible + model.page_size


def test_a_row_chosen_before_its_page_came_gives_its_record_at_once(
    owner: QObject, demo_file_store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    model = DeliveriesModel(demo_file_store, owner)
    proxy = RecordFilterProxy(model, owner)
    last = model.rowCount() - 1
    assert model.index(last, 0).data() is None  # its page is on its way…
    newest = demo_file_store.db.execute("select max(id) from deliveries").fetchone()[0]
    assert proxy.record_id(last) == newest  # …but Edit and Delete know the record now


def test_an_edit_while_pages_are_on_their_way_reads_the_table_again(
    owner: QObject, demo_file_store: LedgerStore, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.domain.changes import ChangeSet

    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    model = DeliveriesModel(demo_file_store, owner)
    model.index(0, 0).data()  # a page asked for, perhaps read before the edit
    first = demo_file_store.db.execute("select min(id) from deliveries").fetchone()[0]
    with qtbot.waitSignal(model.modelReset):
        demo_file_store.notify(ChangeSet(updated=(("deliveries", first),)))
    assert model.page_reader.wait()
    assert model.held_rows() == 0  # the page read before the edit was not kept


def test_after_a_change_the_rows_shown_stay_drawn_until_their_fresh_page_comes(
    owner: QObject, demo_file_store: LedgerStore, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.domain.changes import ChangeSet

    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    model = DeliveriesModel(demo_file_store, owner)
    RecordFilterProxy(model, owner).sort(model.column_of("tonnes_kg"), DESC)
    reference = model.column_of("transfer_reference")
    model.index(0, reference).data()
    assert model.page_reader.wait()
    before = model.index(0, reference).data()
    assert before
    demo_file_store.db.execute(
        "update deliveries set reference = 'TX-RENAMED' where id = ?", [model.record_id(0)]
    )
    largest = model.record_id(0)
    with qtbot.waitSignal(model.modelReset):
        demo_file_store.notify(ChangeSet(updated=(("deliveries", largest),)))
    assert model.held_rows() == 0
    assert model.index(0, reference).data() == before  # stale, not blank, while it is read
    assert model.page_reader.wait()
    assert model.index(0, reference).data() == "TX-RENAMED"  # then fresh


def test_a_new_order_does_not_show_the_rows_of_the_old_one(
    owner: QObject, demo_file_store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    model = DeliveriesModel(demo_file_store, owner)
    model.index(0, 0).data()
    assert model.page_reader.wait()
    RecordFilterProxy(model).sort(model.column_of("tonnes_kg"), DESC)
    assert model.index(0, 0).data() is None  # on its way, not the stored-order row


def test_the_schedule_on_a_ledger_file_reads_its_rows_with_their_allocation(
    owner: QObject,
    demo_file_store: LedgerStore,
) -> None:
    from tracker.ui.models.schedule_table import ScheduleModel

    model = ScheduleModel(demo_file_store, owner)
    for job in model.background_jobs():
        assert job.wait()
    delivered = model.column_of("delivered_kg")
    shown = [model.index(row, delivered).data() for row in range(model.rowCount())]
    assert model.rowCount() > 0
    assert all(text is not None for text in shown)  # read on this connection, fills joined
