"""Messages (a code and parameters) worded for the window: the template in the current
language (Qt's translation, context ``Flags`` or ``Errors``), tonnes, counts and money in
the locale's format.  The command line and CSV files word them in English
(``tracker.domain.messages.render``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from tracker.domain.errors import ImportRefused, RowError, ValidationError
from tracker.domain.flags import Flag
from tracker.domain.messages import Count, Formatters, Message, msg, render
from tracker.domain.quantities import percent_one_decimal
from tracker.ui import numbers


def _translate(context: str, template: str, n: int | None) -> str:
    if n is None:
        return QCoreApplication.translate(context, template)
    return QCoreApplication.translate(context, template, None, n)


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


def reason(error: ValidationError) -> str:
    """Why a value was refused, in the window's language (a reason given as English
    text, not yet as a message code, is shown as it is)."""
    return text(error.reason_message) if error.reason_message is not None else error.reason


def row_reason(error: RowError) -> str:
    """Why a row of a file was refused, in the window's language: the refused value as
    the file gives it, then the reason (English where the reason has no message)."""
    if error.reason_message is None:
        return error.reason
    return error.refused + text(error.reason_message)


REFUSALS_SHOWN = 50  # rows of a refused file listed, as the command line lists them


def refusal(refused: ImportRefused) -> str:
    """A file refused as a whole, in the window's language: each bad row (the first
    ones), its column and why."""
    total = len(refused.errors)
    lines = [text(msg("error.file_refused", source=refused.source, n=Count(total)))]
    lines += [
        text(msg("error.row_refused", row=e.row, column=e.column, reason=row_reason(e)))
        for e in refused.errors[:REFUSALS_SHOWN]
    ]
    if total > REFUSALS_SHOWN:
        lines.append(text(msg("error.more_rows_refused", n=Count(total - REFUSALS_SHOWN))))
    return "\n  ".join(lines)
