"""The window in Simplified Chinese: tabs, menus and vocabularies translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tracker import i18n
from tracker.cli.main import main
from tracker.services.demo import load_demo
from tracker.ui import settings
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

CHINESE_TABS = ["概览", "交付计划", "交付", "注销", "作废", "审计标记", "历史"]
ENGLISH_TABS = [
    "Overview", "Schedule", "Deliveries", "Retirements", "Invalidations", "Flags", "History",
]  # fmt: skip


def _tabs(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_the_main_window_in_chinese(store: LedgerStore, qtbot: object, chinese: None) -> None:
    load_demo(store.db)
    window = MainWindow(store)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert _tabs(window) == CHINESE_TABS
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "编辑(&E)"]
    model = window.contracts_model
    horizontal = Qt.Orientation.Horizontal
    headers = [model.headerData(c, horizontal) for c in range(model.columnCount())]
    assert "合同" in headers
    assert QLocale().name() == "zh_CN"


def test_the_window_is_english_by_default_in_tests(store: LedgerStore, qtbot: object) -> None:
    window = MainWindow(store)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    assert _tabs(window) == ENGLISH_TABS


def test_the_language_follows_the_choice_then_the_system(
    monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    assert i18n.resolve("zh_CN") == "zh_CN"
    assert i18n.resolve("en") == "en"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("zh_CN")))
    assert i18n.resolve("system") == "zh_CN"
    assert i18n.resolve(None) == "zh_CN"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert i18n.resolve("system") == "en"


def test_gui_lang_renders_the_window_in_chinese(
    tmp_path: Path, qapp: object, chinese: None
) -> None:
    ledger, png = tmp_path / "demo.db", tmp_path / "zh.png"
    assert main(["--db", str(ledger), "demo"]) == 0
    args = ["--db", str(ledger), "--as-of", "2027-01-01", "gui", "--screenshot", str(png)]
    assert main([*args, "--lang", "zh_CN", "--size", "1366x768"]) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1366, 768)
    assert QApplication.translate("MainWindow", "Overview") == "概览"


def test_the_language_chosen_in_settings_is_used(
    tmp_path: Path, qapp: object, chinese: None
) -> None:
    settings.set_language("zh_CN")
    ledger = tmp_path / "x.db"
    assert main(["new", str(ledger)]) == 0
    assert main(["--db", str(ledger), "gui", "--screenshot", str(tmp_path / "x.png")]) == 0
    assert QApplication.translate("MainWindow", "Overview") == "概览"
    assert (
        main(["--db", str(ledger), "gui", "--lang", "en", "--screenshot", str(tmp_path / "y.png")])
        == 0
    )
    assert QApplication.translate("MainWindow", "Overview") == "Overview"


def test_the_command_line_stays_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], chinese: None
) -> None:
    ledger = tmp_path / "demo.db"
    assert main(["--db", str(ledger), "demo"]) == 0
    assert main(["--db", str(ledger), "--as-of", "2027-01-01", "summary"]) == 0
    out = capsys.readouterr().out
    assert "MSFT-1PF-STRATOS-DAC" in out
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in out)
