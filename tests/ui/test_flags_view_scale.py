"""The Flags view over a very large portfolio: one model row per flag, and only the rows
on screen are ever asked for their words."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui.flag_rows import headings
from tracker.domain.flags import Flag, Severity
from tracker.domain.messages import Day, Tonnes, msg
from tracker.services.audit.context import delivery_subject
from tracker.services.audit.review import FlagStatus, ReviewedFlag, digest
from tracker.ui.audit.flags_model import FlagListModel
from tracker.ui.audit.flags_panel import FlagsPanel
from tracker.ui.ledger_store import LedgerStore

pytestmark = pytest.mark.gui
FLAGS = 20_000


class _Watcher(QObject):
    """Stands in for the FlagWatcher: hands the panel a ready list of flags, counted."""

    updated = Signal(object)

    def __init__(self, reviewed: list[ReviewedFlag]) -> None:
        super().__init__()
        self.reviewed = reviewed
        self.digest = digest(reviewed)

    def for_contract(self, _contract_id: int | None) -> list[ReviewedFlag]:
        return list(self.reviewed)


def _many_flags(count: int) -> list[ReviewedFlag]:
    severities = list(Severity)
    return [
        ReviewedFlag(
            Flag(
                "UNVERIFIED_STALE",
                severities[n % len(severities)],
                1 + n % 50,
                f"C-{n % 50:03d}",
                delivery_subject(f"GS1-1-KE-{n}"),
                msg(
                    "flag.unverified_stale",
                    tonnes=Tonnes(1_000_000),
                    day=Day("2025-01-01"),
                    n=n % 900,
                    limit=180,
                ),
                "deliveries",
                n + 1,
            ),
            FlagStatus.OPEN,
        )
        for n in range(count)
    ]


@pytest.fixture
def panel(db: sqlite_utils.Database, qtbot: QtBot) -> FlagsPanel:
    store = LedgerStore(db, None, dt.date(2027, 1, 1))
    watcher = _Watcher(_many_flags(FLAGS))
    shown = FlagsPanel(store, watcher=watcher)  # type: ignore[arg-type]
    qtbot.addWidget(shown)
    shown.resize(1200, 600)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_every_flag_is_a_row_of_one_model_not_a_widget(panel: FlagsPanel) -> None:
    assert panel.model.rowCount() == FLAGS + len(headings(panel))
    assert len(panel.findChildren(QWidget)) < 100  # the same widgets for 1 flag or 20,000


def test_drawing_asks_only_for_the_rows_on_screen(
    panel: FlagsPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    real = FlagListModel.text

    def counted(self: FlagListModel, reviewed: ReviewedFlag, column: int) -> str:
        asked.append(reviewed.flag.subject_id or 0)
        return real(self, reviewed, column)

    monkeypatch.setattr(FlagListModel, "text", counted)  # what every shown cell asks for
    panel.view.scrollToBottom()
    panel.view.viewport().repaint()

    assert asked
    assert len(set(asked)) < 200  # a screenful, not 20,000
    assert FLAGS in asked  # the last flag (subject id 20,000) was drawn


def test_the_filter_and_sort_reach_every_flag(panel: FlagsPanel) -> None:
    panel.filter.setText("GS1-1-KE-19999")
    assert panel.flag_rows() == [1]  # one heading, then the one flag
    panel.filter.clear()
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    first = panel.model.flag_at(1)
    assert first is not None
    assert first.flag.subject == max(
        f.flag.subject for f in _many_flags(FLAGS) if f.flag.severity is Severity.CRITICAL
    )
