"""Every user-visible string in the Qt code goes through Qt's translation.

Scans tracker/ui for text handed straight to a widget (a literal or an f-string
with words in it, instead of ``self.tr(...)`` / ``QCoreApplication.translate``),
so a Chinese translation can follow without touching the code again.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "tracker" / "ui"

TEXT_SETTERS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setTabText",
    "addTab",
    "addMenu",
    "addAction",
    "showMessage",
    "addItem",
}
TEXT_WIDGETS = {
    "QLabel",
    "QPushButton",
    "QAction",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "QToolButton",
}
WORD = re.compile(r"[A-Za-z]{2,}")
MARKUP = re.compile(r"<[^>]*>|&\w+;")  # HTML tags and entities are not words to translate


def _literal_words(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORD.search(MARKUP.sub("", node.value)))
    if isinstance(node, ast.JoinedStr):
        return any(_literal_words(part) for part in node.values)
    return False


def _untranslated(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in TEXT_SETTERS | TEXT_WIDGETS:
            continue
        texts = [node.args[1]] if name == "addTab" and len(node.args) > 1 else node.args[:1]
        if any(_literal_words(arg) for arg in texts):
            lines.append(node.lineno)
    return lines


def test_no_widget_text_bypasses_translation() -> None:
    found = [
        f"{path.relative_to(UI.parent.parent)}:{line}"
        for path in sorted(UI.rglob("*.py"))
        for line in _untranslated(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_the_scan_tells_translated_from_untranslated_text() -> None:
    source = (
        'label.setText("Delivered")\n'
        'label.setText(f"Delivered {n}")\n'
        'label.setText(self.tr("Delivered"))\n'
        "label.setText(f'{n} %')\n"
        'QPushButton("OK")\n'
        "label.setText(f\"{text} &nbsp; <a href='flags'>{link}</a>\")\n"
    )
    assert _untranslated(source) == [1, 2, 5]
