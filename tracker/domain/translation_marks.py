"""No-op marks that ``pyside6-lupdate`` reads to extract the domain's message templates.

lupdate finds translatable text by the name of the call around it, in any ``.py``
file: ``QT_TRANSLATE_NOOP("Context", "text")`` for a plain template, and a call named
``translate`` with a count (``translate("Context", "%n day(s)", None, 2)``) for a plural
one.  The domain knows no Qt, so these are its own functions of those names; they
return the text unchanged.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate's name
    """Mark ``text`` for translation in ``context``; return it unchanged."""
    return text


def translate(context: str, text: str, disambiguation: None = None, n: int = 0) -> str:
    """Mark a plural template (``%n``) for translation; return it unchanged."""
    return text
