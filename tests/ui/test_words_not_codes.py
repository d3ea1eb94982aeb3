"""Codes are shown as words: rules in the Flags tab, fields, actions and records in
History.  Flags and History sort and filter like the other tables."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.ui.flag_rows import flag_of, flag_rows, headings, texts
from tracker.services.demo import load_demo
from tracker.store.change_log import LOGGED_TABLES
from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.audit.history_panel import HistoryPanel
from tracker.ui.audit.history_text import DERIVED, FIELDS
from tracker.ui.audit.rule_labels import RULES, rule_label
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui

SERVICES = Path(__file__).resolve().parents[2] / "tracker" / "services"


def test_every_rule_the_services_raise_has_a_label() -> None:
    raised = set()
    for path in (SERVICES / "audit").glob("rules_*.py"):
        raised |= set(re.findall(r'"([A-Z][A-Z_]+[A-Z])"', path.read_text(encoding="utf-8")))
    reconcile = (SERVICES / "registry" / "reconcile.py").read_text(encoding="utf-8")
    raised |= set(re.findall(r'"((?:REGISTRY|MISSING)_[A-Z_]+)"', reconcile))
    assert raised
    assert raised - set(RULES) == set()
    assert rule_label("LATE_TRANCHE") == "Tranche overdue"
    assert rule_label("NO_SUCH_RULE") == "NO_SUCH_RULE"


def test_every_logged_column_has_a_name(db: Any) -> None:
    columns = {c.name for t in LOGGED_TABLES for c in db[t].columns}
    assert columns - DERIVED - set(FIELDS) == set()


@pytest.fixture
def demo(store: LedgerStore) -> LedgerStore:
    load_demo(store.db)
    return store


def test_flags_show_rules_in_words_with_the_code_in_the_tooltip(demo, qtbot) -> None:
    panel = FlagsPanel(demo)
    qtbot.addWidget(panel)
    shown = flag_rows(panel)
    assert shown
    for row in shown:
        code = flag_of(panel, row).flag.rule
        assert texts(panel, row)[0] == rule_label(code) != code
        assert panel.model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole).endswith(f"({code})")


def test_flags_filter_and_sort_within_their_severity(demo, qtbot) -> None:
    panel = FlagsPanel(demo)
    qtbot.addWidget(panel)
    titles = headings(panel)
    panel.view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert headings(panel) == titles  # critical first whatever the column
    first_heading = 0
    second_heading = next(r for r in range(1, panel.model.rowCount()) if r not in flag_rows(panel))
    contracts = [texts(panel, r)[1] for r in range(first_heading + 1, second_heading)]
    assert contracts
    assert contracts == sorted(contracts, reverse=True)

    panel.filter.setText("LATE_TRANCHE")  # the code finds it too
    shown = flag_rows(panel)
    assert shown
    assert {flag_of(panel, r).flag.rule for r in shown} == {"LATE_TRANCHE"}
    assert len(headings(panel)) < len(titles)  # severities without a match are left out
    panel.filter.clear()
    assert headings(panel) == titles


def test_history_filters_and_sorts_by_number(demo, qtbot) -> None:
    panel = HistoryPanel(demo)
    qtbot.addWidget(panel)
    panel.show()  # a hidden History tab reads the log when it is shown
    table = panel.table
    seqs = [int(table.item(r, 0).text()) for r in range(table.rowCount())]
    assert seqs == sorted(seqs, reverse=True)  # newest first
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    seqs = [int(table.item(r, 0).text()) for r in range(table.rowCount())]
    assert seqs == sorted(seqs)  # as numbers: 9 before 10
    panel.filter.setText("Retirement of")
    shown = [r for r in range(table.rowCount()) if not table.isRowHidden(r)]
    assert shown
    assert all(table.item(r, 4).text().startswith("Retirement of") for r in shown)
    assert len(shown) < table.rowCount()


def test_history_names_records_and_values_in_words(demo, qtbot) -> None:
    panel = HistoryPanel(demo)
    qtbot.addWidget(panel)
    panel.show()
    records = {panel.table.item(r, 4).text() for r in range(panel.table.rowCount())}
    assert "Contract MSFT-1PF-STRATOS-DAC" in records
    assert not any("#" in text for text in records)
    changes = " ".join(panel.table.item(r, 5).text() for r in range(panel.table.rowCount()))
    assert "Method: Direct air capture (DAC)" in changes
    assert "Price per tonne: " in changes
    assert "Claim period end: " in changes
    assert "∅" not in changes
    assert "claim_end" not in changes
