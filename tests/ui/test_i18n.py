"""Translations: complete, not stale against the code, compiled, consistent and in use.

When a test here fails after a change of user-visible text, run
``python -m tracker.i18n update`` and translate the new messages in
``resources/i18n/tracker_zh_CN.ts`` (Qt Linguist, or by hand), following the glossary.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tracker import i18n
from tracker.domain.vocab import INVALIDATION_REASON_LABELS, METHOD_LABELS, REGISTRY_LABELS
from tracker.ui import labels

GLOSSARY = i18n.TS_DIR / "glossary.md"
PLACEHOLDER = re.compile(r"\{\w*\}|%L?n|%\d")

Message = tuple[str, str]  # (context, source)


def _messages(ts_file: Path) -> dict[Message, ET.Element]:
    found: dict[Message, ET.Element] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The messages the code holds now, extracted by lupdate into empty files."""
    folder = tmp_path_factory.mktemp("lupdate")
    files = {}
    for language in i18n.LANGUAGES:
        files[language] = i18n.ts_path(language, folder)
        i18n.lupdate(files[language], language)
    return files


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_ts_files_hold_exactly_the_messages_of_the_code(
    fresh: dict[str, Path], language: str
) -> None:
    committed = set(_messages(i18n.ts_path(language)))
    current = set(_messages(fresh[language]))
    assert sorted(current - committed) == [], "new strings: run python -m tracker.i18n update"
    assert sorted(committed - current) == [], "vanished strings: run python -m tracker.i18n update"


def test_every_message_has_a_finished_chinese_translation_with_its_placeholders() -> None:
    problems = []
    for (context, source), message in _messages(i18n.ts_path("zh_CN")).items():
        translation = message.find("translation")
        assert translation is not None
        texts = _texts(message)
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
    assert problems == []


def test_english_plural_forms_are_singular_and_plural() -> None:
    for (context, source), message in _messages(i18n.ts_path("en")).items():
        assert message.get("numerus") == "yes", (context, source)
        singular, plural = _texts(message)
        assert "(s)" not in singular + plural, (context, source)
        assert "%n" in singular or "%Ln" in singular, (context, source)


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_the_shipped_qm_files_are_compiled_from_the_ts_files(tmp_path: Path, language: str) -> None:
    compiled = tmp_path / "check.qm"
    i18n.lrelease(i18n.ts_path(language), compiled)
    shipped = i18n.qm_path(language)
    assert shipped.read_bytes() == compiled.read_bytes(), "run python -m tracker.i18n release"


def test_the_qm_files_ship_as_package_data() -> None:
    pyproject = (i18n.SOURCE_ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"tracker.i18n" = ["*.qm"]' in pyproject
    for language in i18n.LANGUAGES:
        assert i18n.qm_path(language).parent == i18n.PACKAGE_DIR


def test_every_domain_label_is_marked_for_translation() -> None:
    domain = {
        str(label)
        for table in (METHOD_LABELS, REGISTRY_LABELS, INVALIDATION_REASON_LABELS)
        for label in table.values()
    }
    assert domain == set(labels.DOMAIN_LABELS)


def _glossary() -> list[tuple[list[str], str]]:
    pairs: list[tuple[list[str], str]] = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| ") or len(cells) < 2 or cells[0] in ("English", "---"):
            continue
        english = [e.strip() for e in cells[0].split(" / ")]
        chinese = [c.strip() for c in cells[1].split(" / ")]
        if len(english) == len(chinese) > 1:
            pairs += [([e], c) for e, c in zip(english, chinese, strict=True)]
        else:
            pairs.append(([w.strip() for w in cells[0].split(",")], cells[1]))
    return pairs


def test_the_glossary_is_followed() -> None:
    glossary = _glossary()
    assert len(glossary) > 30
    problems = []
    for (context, source), message in _messages(i18n.ts_path("zh_CN")).items():
        plain = re.sub(r"<[^>]*>|\{\w*\}|&(?=\w)", "", source)
        for words, chinese in glossary:
            pattern = r"\b(" + "|".join(re.escape(w) for w in words) + r")\b"
            if re.search(pattern, plain, re.IGNORECASE) and not all(
                chinese in text for text in _texts(message)
            ):
                problems.append(f"{context}: {source!r} lacks {chinese}")
    assert problems == []


def test_the_refresh_command_is_documented() -> None:
    readme = (i18n.SOURCE_ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m tracker.i18n update" in readme
    assert shutil.which(i18n.tool("lupdate"))


def _wrapper_calls(source: str) -> list[int]:
    """Lines calling a module's own translate-wrapper with a literal: lupdate cannot see
    those strings (it needs the context and the text at the call)."""
    import ast

    tree = ast.parse(source)
    wrappers = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            func = getattr(call, "func", None)
            if (
                isinstance(call, ast.Call)
                and isinstance(func, ast.Attribute)
                and func.attr == "translate"
                and len(call.args) > 1
                and not isinstance(call.args[1], ast.Constant)
            ):
                wrappers.add(node.name)
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in wrappers
        and node.args
        and isinstance(node.args[0], ast.Constant | ast.JoinedStr)
    ]


def test_no_literal_reaches_qt_through_a_wrapper_lupdate_cannot_see() -> None:
    tracker = i18n.PACKAGE_DIR.parent
    found = [
        f"{path.relative_to(tracker.parent)}:{line}"
        for path in sorted(tracker.rglob("*.py"))
        for line in _wrapper_calls(path.read_text(encoding="utf-8"))
    ]
    assert found == []
    sample = (
        "def _t(text):\n    return QCoreApplication.translate('X', text)\n"
        "a = _t('Hidden from lupdate')\nb = _t(LABELS[key])\n"
    )
    assert _wrapper_calls(sample) == [3]
