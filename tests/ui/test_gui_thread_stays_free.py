"""Work a large portfolio brings is kept off the window's moments: a tab out of view does
not sort the flags that arrive for it."""

from __future__ import annotations

from typing import Any

import pytest

from tracker.services.demo import load_demo
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui


def test_flags_arriving_behind_another_tab_are_put_in_the_table_when_it_is_shown(
    store: LedgerStore, window: Any
) -> None:
    load_demo(store.db)
    window.show_tab("deliveries")
    panel = window.audit.flags
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    store.reset.emit()
    window.audit.watcher.evaluate()
    assert resets == []  # nothing sorted for a tab out of view
    assert "Open flags as of" in panel.counts.text()  # the counts follow at once
    window.show_tab("flags")
    assert len(resets) == 1
    assert panel.flag_rows()


def test_flags_arriving_for_the_tab_in_view_are_shown_at_once(
    store: LedgerStore, window: Any
) -> None:
    load_demo(store.db)
    window.show_tab("flags")
    panel = window.audit.flags
    resets: list[int] = []
    panel.model.modelReset.connect(lambda: resets.append(1))
    store.reset.emit()
    window.audit.watcher.evaluate()
    assert resets
    assert panel.model.rowCount() > 1
