"""Chinese flag findings and refusals read as Chinese is written: no space between two
Chinese characters (or a character and Chinese punctuation), so no space between a
tonnage ("30,000 吨") and the Chinese text after it ("30,000 吨的", never "30,000 吨 合同的"),
and "33.3%" with no space before the per-cent sign.  A number or Latin name next to a
Chinese character keeps its space ("截至 2026/12/2", "30,000 吨"), as everywhere in the
window."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from tests.ui.flag_rows import rows
from tracker import i18n
from tracker.domain.message_catalogue import TEMPLATES
from tracker.domain.messages import Count, Message, Percent, Tonnes
from tracker.services.demo import load_demo
from tracker.ui import messages
from tracker.ui.ledger_store import LedgerStore
from tracker.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"  # characters and full-width punctuation
SPACE_BETWEEN_CHINESE = re.compile(f"[{CJK}] [{CJK}]")
# Parameters that are tonnages ("30,000 吨" in Chinese: they end in a Chinese character)
TONNAGES = {
    "tonnes", "contracted", "delivered", "scheduled", "shortfall", "gap", "excess", "held",
    "retired", "invalidated", "free", "later", "room",
}  # fmt: skip
TONNAGE_DUE = {"flag.cumulative_shortfall"}  # elsewhere {due} is a date
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _chinese_templates() -> list[tuple[str, str]]:
    """(context, translation) of every Flags, Errors and Reports message, each plural form."""
    found = []
    root = ET.parse(i18n.ts_path("zh_CN")).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        if name not in ("Flags", "Errors", "Reports"):
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.findall("numerusform")]
            found += [(name, text) for text in forms or [translation.text or ""]]
    return found


def test_no_space_between_chinese_characters_in_any_template() -> None:
    found = [
        text
        for _context, text in _chinese_templates()
        if SPACE_BETWEEN_CHINESE.search(text) or re.search(r"\} %", text)
    ]
    assert not found, "\n".join(found)


def _sample(code: str) -> Message:
    """The message with each tonnage as tonnes, ``n`` as a count and every other
    parameter as a Latin name (which keeps its spaces)."""
    params: list[tuple[str, object]] = []
    for name in dict.fromkeys(PLACEHOLDER.findall(TEMPLATES[code])):
        if name in TONNAGES or (name == "due" and code in TONNAGE_DUE):
            params.append((name, Tonnes(30_000_000)))
        elif name == "pct":
            params.append((name, Percent(1, 3)))
        else:
            params.append((name, "X1"))
    if "%n" in TEMPLATES[code] or "%Ln" in TEMPLATES[code]:
        params.append(("n", Count(3)))
    return Message(code, tuple(params))


def test_no_space_between_a_tonnage_and_the_chinese_after_it(chinese: None) -> None:
    worded = {code: messages.text(_sample(code)) for code in TEMPLATES}
    found = [
        f"{code}: {text}" for code, text in worded.items() if SPACE_BETWEEN_CHINESE.search(text)
    ]
    assert not found, "\n".join(found)
    assert worded["flag.cumulative_shortfall"] == (
        "截至 X1，应交付 30,000 吨，但仅交付 30,000 吨：缺口 30,000 吨，"
        "占合同量 30,000 吨的 33.3%（上限 X1%）。"
    )


def test_the_shortfall_flag_in_a_chinese_window(
    store: LedgerStore, chinese: None, window: MainWindow
) -> None:
    load_demo(store.db)
    window.store.reset.emit()
    window.audit.watcher.evaluate()
    [shortfall] = [r for r in rows(window.audit.flags) if r[0] == "累计缺口"]
    assert "吨 合同" not in shortfall[4]
    assert re.search(r"占合同量 [\d,]+ 吨的 [\d.]+%（上限 \d+%）。$", shortfall[4]), shortfall[4]
    assert not SPACE_BETWEEN_CHINESE.search(shortfall[4])
