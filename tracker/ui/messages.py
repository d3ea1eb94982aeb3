"""Messages (a code and parameters) worded for the window: the template in the current
language (Qt's translation, context ``Flags``, ``Errors`` or ``Reports``), tonnes, counts,
money and dates in the locale's format.  The command line and CSV files word them in
English, with ISO dates (``tracker.domain.messages.render``).  ``error`` words any refusal
or failure the window shows; ``check_report`` and ``log_report`` the ledger's health
reports (Check database…, Verify change log)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from tracker.domain.errors import ImportRefused, RowError, TrackerError, ValidationError
from tracker.domain.flags import Flag
from tracker.domain.messages import Count, Day, Formatters, Message, msg, render
from tracker.store.check import CheckReport
from tracker.store.log_verify import LogReport
from tracker.ui import numbers


def _translate(context: str, template: str, n: int | None) -> str:
    if n is None:
        return QCoreApplication.translate(context, template)
    return QCoreApplication.translate(context, template, None, n)


def _count(n: int) -> str:
    return QLocale().toString(n)


def _percent(part: int, whole: int) -> str:
    return numbers.percent(part, whole) or "∞"


def _formatters() -> Formatters:
    return Formatters(
        tonnes=numbers.tonnes_t,
        count=_count,
        day=numbers.day,
        money=numbers.money,
        price=numbers.price,
        percent=_percent,
        field=_field,
        moment=numbers.moment,
        number=_count,
    )


def _field(name: str) -> str:
    """A stored column by its label in the window's language ("Claim period end")."""
    from tracker.ui.audit.history_text import field_label  # the History's own vocabulary

    return field_label(name)


def text(message: Message) -> str:
    """The message in the window's language and number format."""
    return render(message, _translate, _formatters())


def days(message: Message) -> list[str]:
    """The ISO dates among the message's parameters (and its clauses'): a search typed
    as ISO finds the message the window words with its own date format."""
    found: list[str] = []
    for _name, value in message.params:
        if isinstance(value, Day):
            found.append(value.iso)
        elif isinstance(value, Message):
            found += days(value)
    return found


def sort_text(message: Message) -> str:
    """The message in the window's language with its dates as ISO: sorted as text, the
    same wording orders by date ('tranche due 2025-12-31' before '… 2026-03-31')."""
    return render(message, _translate, replace(_formatters(), day=lambda iso: iso))


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


def error(exc: BaseException, file: Path | str | None = None) -> str:
    """A refusal or failure as the window shows it, in its language where the error
    carries a message: a refused file with its rows, a refused value, a refusal of the
    ledger ("contract 7 does not exist"); a file the system could not write (``file``,
    as the user chose it, else the one the error names) with the system's own reason.
    An error still given as English text only is shown as it is."""
    if isinstance(exc, ImportRefused):
        return refusal(exc)
    if isinstance(exc, ValidationError):
        return value_refused(exc)
    if isinstance(exc, RowError):
        return text(
            msg("error.row_refused", row=exc.row, column=exc.column, reason=row_reason(exc))
        )
    if isinstance(exc, TrackerError) and exc.reason_message is not None:
        return text(exc.reason_message)
    if isinstance(exc, OSError):
        return not_written(exc, file)
    return str(exc)


def value_refused(error: ValidationError) -> str:
    """A refused value away from its field: "tonnes '0': must be greater than zero"."""
    if error.reason_message is None:
        return str(error)
    reason = text(error.reason_message)
    if error.value is None or error.value == "":
        return QCoreApplication.translate("Errors", "{field}: {reason}").format(
            field=error.field, reason=reason
        )
    return QCoreApplication.translate("Errors", "{field} {value}: {reason}").format(
        field=error.field, value=repr(str(error.value)), reason=reason
    )


def not_written(exc: OSError, file: Path | str | None = None) -> str:
    """A file the system could not write, named, with the system's own reason:
    "Cannot write /x/report.csv: Permission denied" (just "Cannot write /x/chart.png."
    when the writer gave no reason)."""
    name = file if file is not None else exc.filename  # not a temporary file beside it
    if name is None:
        return QCoreApplication.translate("Errors", "A file cannot be written: {reason}").format(
            reason=exc.strerror or str(exc) or type(exc).__name__
        )
    if not exc.strerror:
        return QCoreApplication.translate("Errors", "Cannot write {file}.").format(file=str(name))
    return QCoreApplication.translate("Errors", "Cannot write {file}: {reason}").format(
        file=str(name), reason=exc.strerror
    )


# Advice the command line gives in its own terms (run ``check-db``, ``carbon-tracker
# restore``), given in the window's: its menus.
WINDOW_ADVICE = {
    "check.recompute_later": "check.recompute_later_window",
    "log.damage_advice": "log.damage_advice_window",
}


def _in_window_terms(message: Message) -> Message:
    """The message with any command-line advice in it (a clause too) put as the window
    gives it."""
    params = tuple(
        (name, _in_window_terms(value) if isinstance(value, Message) else value)
        for name, value in message.params
    )
    return Message(WINDOW_ADVICE.get(message.code, message.code), params)


def report_line(message: Message) -> str:
    """A line of a health report in the window's language and terms."""
    return text(_in_window_terms(message))


def check_report(report: CheckReport) -> str:
    """Check database's report in the window's language: what passed (✓), what was found
    (✗), then the verdict, with the window's way to restore a backup."""
    lines = [f"✓ {report_line(c)}" for c in report.checks]
    lines += [f"✗ {report_line(f)}" for f in report.findings]
    lines.append(report_line(report.verdict("check.restore_advice_window")))
    return "\n".join(lines)


def log_report(report: LogReport) -> str:
    """What Verify change log found, line by line, in the window's language."""
    return "\n".join(report_line(line) for line in report.lines())
