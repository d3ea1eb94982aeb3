"""Cell values as registries write them: US and ISO dates, grouped and decimal-comma numbers.

Pure functions; every refusal is a ``ValidationError`` naming the file's own column.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg
from tracker.domain.quantities import KG_PER_TONNE

_US_DATE = re.compile(
    r"^(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[AaPp][Mm])?)?$"
)
_DOTTED_DATE = re.compile(r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$")
_ISO_DATE = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?P<time>[T ].*)?$")
_ISO_TIME = re.compile(r"^[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$")


def parse_registry_date(text: object, column: str, required: bool = True) -> dt.date | None:
    """A date as registries write it; the time of day, if any, is dropped.

    ISO timestamps with an offset are converted to UTC first, so a retirement at
    ``2026-01-01T00:30:00+01:00`` counts on 31 December 2025 (UTC), as the registry's own
    ``Z`` timestamps do.
    """
    raw = str(text or "").strip()
    if not raw:
        if required:
            raise ValidationError(column, text, msg("error.registry_date_required"))
        return None
    try:
        if m := _US_DATE.match(raw):
            _check_time(m)
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m := _DOTTED_DATE.match(raw):
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        if m := _ISO_DATE.match(raw):
            day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            time = m["time"]
            if not time:
                return day
            if not _ISO_TIME.match(time):
                raise ValueError
            stamp = dt.datetime.fromisoformat(raw.replace("Z", "+00:00"))
            if stamp.tzinfo is not None:
                return stamp.astimezone(dt.UTC).date()
            return stamp.date()
    except ValueError:
        raise ValidationError(column, text, msg("error.not_a_calendar_date")) from None
    raise ValidationError(column, text, msg("error.not_a_registry_date"))


def _check_time(m: re.Match[str]) -> None:
    if m["H"] is None:
        return
    hour, minute, second = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    limit = 12 if m["ampm"] else 23
    if hour > limit or minute > 59 or second > 59 or (m["ampm"] and hour == 0):
        raise ValueError


_GROUPED_DOT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,454,054.5
_PLAIN_DOT = re.compile(r"^\d+(\.\d+)?$")
_GROUPED_COMMA = re.compile(r"^\d{1,3}([. \u00a0\u202f]\d{3})+(,\d+)?$")  # 1.454.054,5
_PLAIN_COMMA = re.compile(r"^\d+(,\d+)?$")


def parse_quantity(text: object, column: str, decimal_comma: bool = False) -> Decimal:
    """A non-negative quantity with optional thousands separators.

    With ``decimal_comma`` (files separated by ``;``) the comma is the decimal point and
    ``.`` or a space groups thousands; otherwise ``.`` is the decimal point and ``,``
    groups thousands.  Anything else (negative, text, mixed styles) is refused.
    """
    raw = str(text or "").strip()
    if not raw:
        raise ValidationError(column, text, msg("error.quantity_required"))
    if raw.startswith("-"):
        raise ValidationError(column, text, msg("error.negative"))
    if decimal_comma:
        if _PLAIN_COMMA.match(raw) or _GROUPED_COMMA.match(raw):
            cleaned = re.sub(r"[. \u00a0\u202f]", "", raw).replace(",", ".")
            return Decimal(cleaned)
        if _PLAIN_DOT.match(raw) and raw.count(".") == 1 and len(raw.split(".")[1]) != 3:
            return Decimal(raw)  # a dot decimal in a ';' file is unambiguous unless 3 digits
    elif _PLAIN_DOT.match(raw) or _GROUPED_DOT.match(raw):
        return Decimal(raw.replace(",", ""))
    style = "1.234,5" if decimal_comma else "1,234.5"
    raise ValidationError(column, text, msg("error.not_a_quantity", style=style))


def tonnes_to_kg(value: Decimal, column: str, text: object) -> int:
    """Tonnes (credits) to kilograms; more precision than one kilogram or zero is refused."""
    kg = value * KG_PER_TONNE
    if kg != kg.to_integral_value():
        raise ValidationError(column, text, msg("error.tonnes_precision"))
    if kg <= 0:
        raise ValidationError(column, text, msg("error.not_positive"))
    return int(kg)


def whole_kg(value: Decimal, column: str, text: object) -> int:
    """A quantity already in kilograms (Isometric ``credit_kgs``)."""
    if value != value.to_integral_value():
        raise ValidationError(column, text, msg("error.not_whole_kilograms"))
    if value <= 0:
        raise ValidationError(column, text, msg("error.not_positive"))
    return int(value)


def parse_vintage(text: object, column: str) -> int | None:
    raw = str(text or "").strip()
    if not raw:
        return None
    if raw.endswith(".0"):
        raw = raw[:-2]
    if not raw.isdigit() or not 1900 <= int(raw) <= 2200:
        raise ValidationError(column, text, msg("error.not_a_vintage"))
    return int(raw)
