"""An edit re-reads the table in view; the tables of hidden tabs catch up when shown."""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories import delivery_data, make_contract, make_delivery
from tests.ui.gui_helpers import show_contract
from tracker.ui import commands

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(window: Any, store: Any) -> tuple[Any, int]:
    contract = make_contract(store.db)
    make_delivery(store.db, contract)
    show_contract(window, contract)
    window.show_tab("overview")
    return window, contract


def _add_delivery(store: Any, contract: int) -> None:
    data = delivery_data(serial_block="ACR-US-1-2025-1-101 to 200", reference="TX-2")
    commands.perform(store, commands.add_delivery(store, contract, data))


def test_an_edit_does_not_query_the_hidden_deliveries_table(
    shown: tuple[Any, int], store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, contract = shown
    model = window.deliveries.model
    rows_before = model.rowCount()
    reads: list[object] = []
    real = model._count_rows
    monkeypatch.setattr(model, "_count_rows", lambda *a: reads.append(1) or real(*a))

    _add_delivery(store, contract)

    assert model.stale
    assert model.rowCount() == rows_before
    assert reads == []  # the hidden table was not read again
    window.show_tab("deliveries")
    assert reads  # read once shown


def test_showing_the_tab_reads_the_change_in(shown: tuple[Any, int], store: Any) -> None:
    window, contract = shown
    _add_delivery(store, contract)

    window.show_tab("deliveries")

    model = window.deliveries.model
    assert not model.stale
    assert model.rowCount() == 2


def test_the_table_in_view_follows_each_edit_at_once(shown: tuple[Any, int], store: Any) -> None:
    window, contract = shown
    window.show_tab("deliveries")

    _add_delivery(store, contract)

    assert window.deliveries.model.rowCount() == 2


def test_a_new_record_is_found_in_a_hidden_table(shown: tuple[Any, int], store: Any) -> None:
    window, contract = shown
    _add_delivery(store, contract)
    newest = store.db.execute("select max(id) from deliveries").fetchone()[0]

    assert window.deliveries.select_record(newest)  # it catches up first


def test_the_history_tab_reads_the_log_only_when_shown(shown: tuple[Any, int]) -> None:
    window, _contract = shown
    history = window.audit.history
    assert history.stale  # never shown yet: nothing was worded
    assert history.table.rowCount() == 0

    window.show_tab("history")

    assert not history.stale
    assert history.table.rowCount() > 0
