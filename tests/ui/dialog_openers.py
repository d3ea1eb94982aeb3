"""Every dialog of the main window, opened as a user finds it (on the demo portfolio, with
a delivery selected for the ones that need a record)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from tracker.ui.main_window import MainWindow
from tracker.ui.welcome import show_getting_started


def select_first_flag(window: MainWindow) -> None:
    """Select the first flag (the row below the first severity heading)."""
    panel = window.audit.flags
    rows = panel.flag_rows()
    assert rows
    panel.select_row(rows[0])


def dialog_openers(window: MainWindow) -> Iterator[tuple[str, Callable[[], Any]]]:
    """Every dialog of the window, each opened as the user would find it."""
    records, audit, reports = window.records, window.audit, window.reports
    yield "new-contract", records.new_contract
    yield "edit-contract", records.edit_contract
    yield "add-tranche", records.add_tranche
    yield "add-delivery", records.add_delivery
    yield "edit-delivery", lambda: records.edit_delivery(window.deliveries.selected_id())
    yield "retire", records.retire
    yield "invalidation", records.invalidations.add
    yield "audit-settings", audit.open_settings
    yield "verifications", audit.open_verifications
    yield "save-report", reports.open_save_report
    yield "registry-import", reports.open_registry_import
    yield "reconcile", reports.open_reconcile
    yield "as-of", window.choose_as_of

    def acknowledge() -> Any:
        window.show_tab("flags")
        select_first_flag(window)
        window.audit.flags.acknowledge_selected()
        return window.audit.flags.dialog

    yield "acknowledge", acknowledge
    yield "getting-started", lambda: show_getting_started(window)


def show_a_delivery(window: MainWindow, reference: str = "MSFT-1PF-STRATOS-DAC") -> None:
    """The state every opener expects: a contract in view, its first delivery selected."""
    from tracker.services.contracts import resolve_reference

    window.select_contract(resolve_reference(window.store.db, reference).id)
    window.show_tab("deliveries")
    window.deliveries.view.selectRow(0)
