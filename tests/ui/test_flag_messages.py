"""Flags and refusals in the window are worded in its language; a flag's identity is not."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from tests.factories import make_contract, make_delivery
from tests.ui.flag_rows import rows
from tests.ui.gui_helpers import CONTRACT, error_text, fill, press_ok, show_contract
from tracker import i18n
from tracker.domain.messages import Count, Tonnes, msg
from tracker.services.audit.review import FlagStatus, acknowledge, reviewed_flags
from tracker.services.demo import load_demo
from tracker.ui import messages
from tracker.ui.audit.acknowledge_dialog import AcknowledgeDialog
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui
AS_OF = dt.date(2027, 1, 1)


def _flag_rows(window: MainWindow) -> list[list[str]]:
    """The text of each flag row in the Flags tab (rule, contract, subject, status,
    finding)."""
    return rows(window.audit.flags)


def test_the_flags_tab_words_subject_and_finding_in_chinese(
    store: LedgerStore, chinese: None, window: MainWindow
) -> None:
    load_demo(store.db)
    window.store.reset.emit()
    window.audit.watcher.evaluate()
    rows = _flag_rows(window)
    late = [r for r in rows if r[0] == "交付批次逾期"]
    assert late, rows
    assert all("到期的交付批次" in r[2] for r in late)
    assert all("已逾期" in r[4] and " 吨" in r[4] for r in late)
    assert not any("delivered" in r[4] or "tranche" in r[2] for r in rows)


def test_the_acknowledge_dialog_shows_the_flag_in_chinese(
    store: LedgerStore, qtbot: object, chinese: None
) -> None:
    load_demo(store.db)
    flag = next(r.flag for r in reviewed_flags(store.db, AS_OF) if r.flag.rule == "LATE_TRANCHE")
    dialog = AcknowledgeDialog(flag)
    qtbot.addWidget(dialog)  # type: ignore[attr-defined]
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("到期的交付批次" in t for t in texts)
    assert any("已逾期" in t for t in texts)


def test_switching_the_language_changes_no_key_and_keeps_acknowledgements(
    store: LedgerStore, qapp: QCoreApplication
) -> None:
    load_demo(store.db)
    english = reviewed_flags(store.db, AS_OF)
    acknowledge(store.db, english[0].flag, "Waived in amendment 2")
    english_text = [messages.finding(r.flag) for r in english]
    i18n.install(qapp, "zh_CN")
    try:
        chinese = reviewed_flags(store.db, AS_OF)
        chinese_text = [messages.finding(r.flag) for r in chinese]
    finally:
        i18n.install(qapp, "en")
    assert [r.flag.key for r in chinese] == [r.flag.key for r in english]
    assert [r.flag.fingerprint for r in chinese] == [r.flag.fingerprint for r in english]
    assert chinese[0].status is FlagStatus.ACKNOWLEDGED
    assert all(c != e for c, e in zip(chinese_text, english_text, strict=True))


def test_plural_counts_and_tonnes_follow_the_window(qapp: QCoreApplication) -> None:
    one = msg("flag.over_retired_delivery", retired=Tonnes(2_000_500), n=1,
              tonnes=Tonnes(1_000_000), excess=Tonnes(1_000_500))  # fmt: skip
    assert messages.text(one) == (
        "2,000.5 t retired in 1 retirement from a delivery of only 1,000 t: 1,000.5 t "
        "retired that were never delivered."
    )
    many = msg("flag.serials_delivered_twice", block="A", other="B", other_contract="C-2",
               low=1, high=1500, n=Count(1500))  # fmt: skip
    assert "(1,500 serials)" in messages.text(many)


def test_a_form_says_why_a_value_is_refused_in_chinese(
    window: MainWindow, qtbot: object, chinese: None
) -> None:
    dialog = window.records.new_contract()
    fill(qtbot, dialog, {"tonnes": "12.34567"})
    assert "精度超过 0.001 吨（一千克）" in error_text(dialog, "tonnes")
    fill(qtbot, dialog, {**CONTRACT, "end_on": "2024-06-30"})
    press_ok(qtbot, dialog)
    # the other field is named by its label, in the reason's Chinese wording
    assert error_text(dialog, "end_on") == "期限结束：早于 \u201c期限开始\u201d 2025/1/1"


def test_a_refusal_of_the_ledger_is_shown_in_chinese(
    window: MainWindow, qtbot: object, store: LedgerStore, chinese: None
) -> None:
    contract_id = make_contract(store.db)
    make_delivery(store.db, contract_id)
    show_contract(window, contract_id)
    dialog = window.records.retire()
    fill(qtbot, dialog, {"retired_on": "2025-09-30", "tonnes": "150"})
    press_ok(qtbot, dialog)
    assert error_text(dialog, "tonnes").endswith(
        "超过 C-1 截至当时（2025/9/30）已核证且尚未注销的 100 吨"
    )
