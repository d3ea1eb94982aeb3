"""Errors raised by the domain, store and service layers.

Every refusal names the field and the offending value so the CLI and the
window can show it next to the right input.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeGuard

if TYPE_CHECKING:
    from tracker.domain.messages import Field, Message


class TrackerError(Exception):
    """Base class for every error the tracker reports to a user.

    Raised with a message (an ``error.…`` code and parameters) rather than text, the
    error reads as the message's English wording (command line, logs) and keeps the
    message (``reason_message``, as a refused value or row keeps its reason), which the
    window words in its language.  An error still raised with English text has none."""

    reason_message: Message | None = None

    def __init__(self, *args: object) -> None:
        first = args[0] if len(args) == 1 else None
        if _is_message(first):
            from tracker.domain.messages import render  # messages import this module

            self.reason_message = first
            args = (render(first),)
        super().__init__(*args)


def _is_message(value: object) -> TypeGuard[Message]:
    from tracker.domain.messages import Message

    return isinstance(value, Message)


class ValidationError(TrackerError):
    """A value was refused.  ``field`` names the input, ``value`` is what was given.

    The reason is a message (``error.…`` code and parameters): ``reason`` is its English
    wording (command line, import reports), ``reason_message`` the message itself, which
    the window words in its language.  A reason still given as text has no message."""

    def __init__(self, field: str, value: object, reason: str | Message) -> None:
        from tracker.domain.messages import Message, render  # messages import this module

        self.field = field
        self.value = value
        self.reason_message = reason if isinstance(reason, Message) else None
        self.reason = render(reason) if isinstance(reason, Message) else reason
        super().__init__(field, value, self.reason)

    def __str__(self) -> str:  # a stable, readable form
        if self.value is None or self.value == "":
            return f"{self.field}: {self.reason}"
        return f"{self.field} {str(self.value)!r}: {self.reason}"


class NotFoundError(TrackerError):
    """A referenced record does not exist (raised by :func:`not_found`)."""


def record_name(table: str, record_id: object) -> Message:
    """A stored record named in a refusal: "contract 7", "delivery 12", or "settings
    record 3" for a table without a name of its own."""
    from tracker.domain.messages import msg

    shown = record_id if isinstance(record_id, int) else str(record_id)
    code = _RECORD_NAMES.get(table)
    if code is None:
        return msg("error.record_other", table=table, id=shown)
    return msg(code, id=shown)


def field_list(names: Sequence[str]) -> Message | Field:
    """Stored columns named in a refusal, listed: "price, tonnes_kg" on the command line,
    "Price per tonne, Tonnes" ("每吨价格、吨数") in the window."""
    from tracker.domain.messages import Field, msg

    first, *rest = names
    if not rest:
        return Field(first)
    return msg("error.list", first=Field(first), rest=field_list(rest))


def not_found(table: str, record_id: object) -> NotFoundError:
    """The refusal of a record of ``table`` that does not exist: "contract 7 does not
    exist"."""
    from tracker.domain.messages import msg

    return NotFoundError(msg("error.not_found", record=record_name(table, record_id)))


def unreadable(file: object, exc: OSError) -> TrackerError:
    """A file that cannot be read, with the system's own reason: "data.csv: cannot be
    read (Permission denied)"."""
    from tracker.domain.messages import msg

    return TrackerError(
        msg("error.file_unreadable", file=str(file), reason=exc.strerror or str(exc))
    )


_RECORD_NAMES = {
    "contracts": "error.record_contract",
    "tranches": "error.record_tranche",
    "deliveries": "error.record_delivery",
    "retirements": "error.record_retirement",
    "invalidations": "error.record_invalidation",
    "verifications": "error.record_verification",
}


class RowError(TrackerError):
    """One row of an input file was refused.

    ``reason`` is English (command line, import reports).  A reason taken from a
    ``ValidationError`` also keeps its message (``reason_message``) and the refused value
    as it leads the reason (``refused``, e.g. ``"'abc' "``), so the window can word it
    in its language."""

    def __init__(
        self,
        row: int,
        column: str,
        reason: str,
        reason_message: Message | None = None,
        refused: str = "",
    ) -> None:
        self.row = row
        self.column = column
        self.reason = reason
        self.reason_message = reason_message
        self.refused = refused
        super().__init__(f"row {row}, column {column}: {reason}")


class ImportRefused(TrackerError):
    """A file import was refused as a whole; ``errors`` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        lines = "\n".join(f"  {e}" for e in errors[:50])
        more = f"\n  … and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"{source}: {len(errors)} error(s), nothing was imported:\n{lines}{more}")
