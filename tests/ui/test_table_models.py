"""The table models: Qt's model contract, lazy paging, raw-value sorting and filtering."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.factories import delivery_data, make_contract, make_delivery, retirement_data
from tracker.services.deliveries import add_delivery, update_delivery
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.columns import ID_ROLE, RAW_ROLE, RIGHT
from tracker.ui.models.ledger_tables import (
    ContractsModel,
    DeliveriesModel,
    RetirementsModel,
)
from tracker.ui.models.proxy import RecordFilterProxy
from tracker.ui.models.schedule_table import ScheduleModel

pytestmark = pytest.mark.gui

MODELS = [ContractsModel, ScheduleModel, DeliveriesModel, RetirementsModel]


def _ledger(store: LedgerStore) -> int:
    contract_id = make_contract(store.db)
    add_tranche(store.db, contract_id, {"due_on": "2025-12-31", "tonnes": "400"})
    make_delivery(store.db, contract_id)
    retire(store.db, contract_id, retirement_data())
    return contract_id


def _deliveries(store: LedgerStore, contract_id: int, count: int, tonnes: int = 1) -> None:
    for n in range(count):
        start = n * tonnes + 1
        make_delivery(
            store.db,
            contract_id,
            tonnes=str(tonnes),
            serial_block=f"ACR-US-1-2025-1-{start} to {start + tonnes - 1}",
            reference=f"TX-{n}",
        )


@pytest.mark.parametrize("model_class", MODELS)
def test_every_model_passes_the_qt_model_tester_empty(
    store: LedgerStore, qtmodeltester: object, model_class: type
) -> None:
    qtmodeltester.check(model_class(store))  # type: ignore[attr-defined]


@pytest.mark.parametrize("model_class", MODELS)
def test_every_model_passes_the_qt_model_tester_with_records(
    store: LedgerStore, qtmodeltester: object, model_class: type
) -> None:
    _ledger(store)
    model = model_class(store)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    qtmodeltester.check(RecordFilterProxy(model))  # type: ignore[attr-defined]


def test_a_contract_without_tranches_shows_its_even_schedule(store: LedgerStore) -> None:
    contract_id = make_contract(store.db, start_on="2025-01-01", end_on="2027-12-31")
    model = ScheduleModel(store)
    model.set_contract(contract_id)
    shown = [model.index(r, model.column_of("due_on")).data() for r in range(model.rowCount())]
    assert shown == ["12/31/2025", "12/31/2026", "12/31/2027"]
    assert model.index(0, model.column_of("source")).data() == "Even schedule"
    assert model.index(0, model.column_of("price")).data() == "500.00 USD/t"
    assert model.record_id(0) is None  # not a stored tranche: nothing to edit


def test_numbers_are_right_aligned_with_units_and_dates_in_the_locale(store: LedgerStore) -> None:
    contract_id = make_contract(store.db)
    make_delivery(
        store.db,
        contract_id,
        tonnes="1234.5",
        serial_block="ISO-1-X-2025-1-1234500",
        registry="isometric",
    )
    model = DeliveriesModel(store)
    tonnes = model.index(0, model.column_of("tonnes_kg"))
    assert tonnes.data() == "1,234.5 t"
    assert tonnes.data(RAW_ROLE) == 1_234_500
    assert tonnes.data(Qt.ItemDataRole.TextAlignmentRole) == RIGHT
    assert (
        model.headerData(
            model.column_of("tonnes_kg"),
            Qt.Orientation.Horizontal,
            Qt.ItemDataRole.TextAlignmentRole,
        )
        == RIGHT
    )
    assert model.index(0, model.column_of("delivered_on")).data() == "6/30/2025"
    assert model.index(0, model.column_of("delivered_on")).data(RAW_ROLE) == "2025-06-30"
    assert model.index(0, model.column_of("registry")).data() == "Isometric"


def test_rows_are_read_a_page_at_a_time_where_the_view_looks_not_up_front(
    store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract_id = make_contract(store.db, tonnes="5000")
    _deliveries(store, contract_id, 45)
    monkeypatch.setattr(DeliveriesModel, "page_size", 20)
    statements: list[str] = []
    with store.db.tracer(lambda sql, _params: statements.append(sql)):
        model = DeliveriesModel(store)
        assert model.rowCount() == 45  # the whole table, for the scroll bar
        assert len(statements) == 1  # one COUNT, no row read
        assert model.held_rows() == 0
        reference = model.column_of("transfer_reference")
        assert model.index(44, reference).data() == "TX-44"  # the last row
        assert len(statements) == 2  # its page alone, in one query
        assert model.held_rows() == 5  # rows 40 to 44
        assert model.index(0, reference).data() == "TX-0"
        assert model.index(19, reference).data() == "TX-19"
        assert len(statements) == 3
    assert model.total_count() == 45


def test_a_change_counts_again_and_forgets_the_pages_read(
    store: LedgerStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    contract_id = make_contract(store.db, tonnes="5000")
    _deliveries(store, contract_id, 30)
    monkeypatch.setattr(DeliveriesModel, "page_size", 10)
    model = DeliveriesModel(store)
    model.index(15, 0).data()
    assert model.held_rows() == 10
    _delivery, changes = add_delivery(
        store.db,
        contract_id,
        delivery_data(serial_block="ACR-US-1-2025-1-900 to 900", tonnes="1"),
    )
    store.notify(changes)
    assert model.rowCount() == 31
    assert model.held_rows() == 0  # the view reads again the rows it shows
    reference = model.column_of("transfer_reference")
    assert model.index(15, reference).data() == "TX-15"


def test_sorting_uses_raw_kilograms_not_display_text(store: LedgerStore) -> None:
    contract_id = make_contract(store.db, tonnes="50000")
    make_delivery(store.db, contract_id, tonnes="900", serial_block="ACR-US-1-2025-1-1 to 900")
    make_delivery(
        store.db, contract_id, tonnes="10000", serial_block="ACR-US-1-2025-1-901 to 10900"
    )
    make_delivery(store.db, contract_id, tonnes="95", serial_block="ACR-US-1-2025-1-20001 to 20095")
    proxy = RecordFilterProxy(DeliveriesModel(store))
    column = proxy.source.column_of("tonnes_kg")
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(r, column).data() for r in range(proxy.rowCount())]
    assert shown == ["95 t", "900 t", "10,000 t"]  # text order would differ


def test_portfolio_filters_on_raw_codes_and_keeps_all_contracts_first(
    store: LedgerStore,
) -> None:
    make_contract(store.db, reference="A-DAC", method="dac", status="active", supplier="Sup A")
    make_contract(store.db, reference="B-BIO", method="biochar", status="signed", supplier="Sup B")
    make_contract(store.db, reference="C-DAC", method="dac", status="signed", supplier="Sup B")
    proxy = RecordFilterProxy(ContractsModel(store))

    def shown() -> list[str]:
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    proxy.set_exact("method", "dac")
    assert shown() == ["All contracts", "A-DAC", "C-DAC"]
    proxy.set_exact("status", "signed")
    assert shown() == ["All contracts", "C-DAC"]
    proxy.set_exact("method", None)
    proxy.set_exact("status", None)
    proxy.set_exact("supplier", "Sup B")
    assert shown() == ["All contracts", "B-BIO", "C-DAC"]
    proxy.set_exact("supplier", None)
    proxy.set_text("bio")
    assert shown() == ["All contracts", "B-BIO"]
    proxy.set_text("")
    proxy.sort(0, Qt.SortOrder.DescendingOrder)
    assert shown() == ["All contracts", "C-DAC", "B-BIO", "A-DAC"]
    assert proxy.index(0, 0).data(ID_ROLE) is None


def test_models_follow_the_contract_in_view(store: LedgerStore) -> None:
    first = _ledger(store)
    second = make_contract(store.db, reference="C-2")
    make_delivery(store.db, second, serial_block="ACR-US-1-2025-1-500 to 599", reference="TX-9")
    model = DeliveriesModel(store)
    assert model.rowCount() == 2
    model.set_contract(first)
    assert model.rowCount() == 1
    assert model.index(0, model.column_of("retired_kg")).data() == "10 t"
    model.set_contract(second)
    assert model.index(0, model.column_of("contract")).data() == "C-2"


def test_an_edit_refreshes_its_row_in_place_without_a_reset(
    store: LedgerStore, qtbot: object
) -> None:
    contract_id = make_contract(store.db)
    delivery_id = make_delivery(store.db, contract_id)
    model = DeliveriesModel(store)
    model.index(0, 0).data()  # shown
    _delivery, changes = update_delivery(
        store.db, delivery_id, delivery_data(verifier="Other VVB", reference="TX-EDITED")
    )
    with (
        qtbot.assertNotEmitted(model.modelReset),  # type: ignore[attr-defined]
        qtbot.waitSignal(model.dataChanged),  # type: ignore[attr-defined]
    ):
        store.notify(changes)
    assert model.index(0, model.column_of("transfer_reference")).data() == "TX-EDITED"


def test_the_contract_list_passes_the_model_tester_with_critical_badges(
    store: LedgerStore, qtmodeltester: object
) -> None:
    contract_id = _ledger(store)
    model = ContractsModel(store)
    model.set_open_critical({contract_id: 2})
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    row = model.locate(contract_id)
    assert row is not None
    assert model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole) == (
        "2 open critical flags: see the Flags tab"
    )
    assert model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(row, 1).data(Qt.ItemDataRole.DecorationRole) is None
    model.set_open_critical({})
    assert model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is None


def test_a_bulk_change_notice_reloads_the_table(store: LedgerStore) -> None:
    """A bulk write (an import, a generated portfolio) names its tables, not its rows."""
    from tracker.domain.changes import ChangeSet
    from tracker.services.tracker_csv import import_text

    make_contract(store.db)
    model = DeliveriesModel(store)
    assert model.rowCount() == 0
    result = import_text(
        store.db,
        "deliveries",
        "contract,delivered_on,tonnes,vintage,registry,serial_block,verification_status,"
        "verifier,verified_on,reference\n"
        "C-1,2025-06-30,100,2025,,ACR-US-1-2025-1-1 to 100,verified,V,2025-07-01,A\n",
        "d.csv",
    )
    assert result.changes.bulk == {"deliveries"}
    store.notify(result.changes)
    assert model.rowCount() == 1
    store.notify(ChangeSet(bulk=frozenset({"tranches"})))  # another table: no reload needed
    assert model.rowCount() == 1
