"""Errors raised by the domain, store and service layers.

Every refusal names the field and the offending value so the CLI and the
window can show it next to the right input.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.domain.messages import Message


class TrackerError(Exception):
    """Base class for every error the tracker reports to a user."""


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
    """A referenced record does not exist."""


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
