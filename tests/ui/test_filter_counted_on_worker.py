"""On a ledger file a row filter is counted on a worker (a text filter scans every
record): the table shows "Counting…" with no rows, never waits, and fills when the
count and its first page come; typing on supersedes the count."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt

from tracker.ui.ledger_store import LedgerStore
from tracker.ui.models.lazy_table import LazySqlTableModel
from tracker.ui.models.ledger_tables import DeliveriesModel
from tracker.ui.tables import RecordTablePanel

pytestmark = pytest.mark.gui

STRATOS = "MSFT-1PF-STRATOS-DAC"


@pytest.fixture(autouse=True)
def _counted_beside_for_any_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo is small: count and read it on the worker as a large ledger is."""
    monkeypatch.setattr(LazySqlTableModel, "beside_from", 0)


@pytest.fixture
def panel(demo_deliveries_panel: RecordTablePanel) -> RecordTablePanel:
    return demo_deliveries_panel


def _stratos_deliveries(store: LedgerStore) -> list[int]:
    found = store.db.execute(
        "select d.id from deliveries d join contracts c on c.id = d.contract_id"
        " where c.reference = ? order by d.id",
        [STRATOS],
    )
    return [row[0] for row in found.fetchall()]


def _type_filter(qtbot: Any, panel: RecordTablePanel, text: str) -> None:
    panel.search.setText(text)
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)


def test_a_filter_is_counted_on_the_worker_and_the_table_fills_when_it_comes(
    panel: RecordTablePanel, demo_file_store: LedgerStore, qtbot: Any
) -> None:
    statements: list[str] = []
    with demo_file_store.db.tracer(lambda sql, _params: statements.append(sql)):
        _type_filter(qtbot, panel, "stratos")
        assert panel.model.counting
        assert panel.count.text() == "Counting…"
        assert panel.proxy.rowCount() == 0
    assert statements == []  # nothing counted or read on the window's connection
    assert panel.model.page_reader.wait()
    expected = _stratos_deliveries(demo_file_store)
    assert panel.count.text() == f"Records: {len(expected)}"
    assert [panel.proxy.record_id(row) for row in range(panel.proxy.rowCount())] == expected
    assert panel.model.held_rows() == len(expected)  # its first page came with the count


def test_typing_on_supersedes_the_count_on_its_way(
    panel: RecordTablePanel, demo_file_store: LedgerStore
) -> None:
    panel.model.set_filter_text("msft")
    panel.model.set_filter_text("stratos")
    assert panel.model.page_reader.wait()
    assert panel.model.total_count() == len(_stratos_deliveries(demo_file_store))


def test_the_selected_record_stays_selected_when_the_filter_keeps_it(
    panel: RecordTablePanel, demo_file_store: LedgerStore, qtbot: Any
) -> None:
    wanted = _stratos_deliveries(demo_file_store)[-1]
    assert panel.select_record(wanted)
    _type_filter(qtbot, panel, "stratos")
    assert panel.model.page_reader.wait()
    assert panel.selected_id() == wanted
    assert panel.edit_button.isEnabled()


def test_a_change_while_filtered_is_counted_on_the_worker_and_finds_the_selected_record(
    panel: RecordTablePanel,
    demo_file_store: LedgerStore,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tracker.domain.changes import ChangeSet

    monkeypatch.setattr(DeliveriesModel, "page_size", 2)
    _type_filter(qtbot, panel, "stratos")
    assert panel.model.page_reader.wait()
    wanted = _stratos_deliveries(demo_file_store)[-1]  # beyond the first page of two
    assert panel.select_record(wanted)
    shown = panel.proxy.rowCount()
    statements: list[str] = []
    with demo_file_store.db.tracer(lambda sql, _params: statements.append(sql)):
        demo_file_store.notify(ChangeSet(updated=(("deliveries", wanted),)))
        assert panel.model.counting
        assert panel.proxy.rowCount() == shown  # the rows shown stay meanwhile
    assert not any("count(" in sql for sql in statements)  # not counted on this thread
    assert panel.model.page_reader.wait()
    assert panel.selected_id() == wanted  # its row found by the worker


def test_a_small_table_is_counted_at_once(
    owner: QObject, demo_file_store: LedgerStore, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under ``beside_from`` records a count takes a millisecond: no "Counting…" flashes."""
    monkeypatch.setattr(LazySqlTableModel, "beside_from", 5_000)
    shown = RecordTablePanel(DeliveriesModel(demo_file_store, owner), "Add delivery…")
    qtbot.addWidget(shown)
    shown.show()
    _type_filter(qtbot, shown, "stratos")
    assert not shown.model.counting
    expected = _stratos_deliveries(demo_file_store)
    assert shown.count.text() == f"Records: {len(expected)}"
    assert [shown.proxy.record_id(row) for row in range(shown.proxy.rowCount())] == expected
