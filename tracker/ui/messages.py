"""Messages (a code and parameters) worded for the window: the template in the current
language (Qt's translation, context ``Flags``), tonnes, counts and money in the
locale's format.  The command line and CSV files word them in English
(``tracker.domain.messages.render``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from tracker.domain.flags import Flag
from tracker.domain.message_catalogue import CONTEXT
from tracker.domain.messages import Formatters, Message, render
from tracker.domain.quantities import percent_one_decimal
from tracker.ui import numbers


def _translate(template: str, n: int | None) -> str:
    if n is None:
        return QCoreApplication.translate(CONTEXT, template)
    return QCoreApplication.translate(CONTEXT, template, None, n)


def _count(n: int) -> str:
    return QLocale().toString(n)


def _percent(part: int, whole: int) -> str:
    text = percent_one_decimal(part, whole)
    return text.replace(".", QLocale().decimalPoint()) if text else "∞"


def _formatters() -> Formatters:
    return Formatters(
        tonnes=numbers.tonnes_t,
        count=_count,
        day=lambda iso: iso,
        money=numbers.money,
        price=numbers.price,
        percent=_percent,
    )


def text(message: Message) -> str:
    """The message in the window's language and number format."""
    return render(message, _translate, _formatters())


def subject(flag: Flag) -> str:
    """Which record the flag is about, in the window's language."""
    return text(flag.topic)


def finding(flag: Flag) -> str:
    """What the flag says, in the window's language."""
    return text(flag.finding)
