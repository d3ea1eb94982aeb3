"""ISO 8601 calendar dates."""

from __future__ import annotations

import datetime as dt

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg


def parse_date(text: object, field: str, required: bool = True) -> dt.date | None:
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = str(text or "").strip()
    if not raw:
        if required:
            raise ValidationError(field, text, msg("error.date_required"))
        return None
    try:
        if len(raw) != 10:
            raise ValueError
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(field, text, msg("error.not_a_date")) from None


def parse_year(text: object, field: str, required: bool = False) -> int | None:
    if isinstance(text, int) and not isinstance(text, bool):
        raw = str(text)
    else:
        raw = str(text or "").strip()
    if not raw:
        if required:
            raise ValidationError(field, text, msg("error.year_required"))
        return None
    if not raw.isdigit() or not 1900 <= int(raw) <= 2200:
        raise ValidationError(field, text, msg("error.not_a_year"))
    return int(raw)


def parse_whole(text: object, field: str, required: bool = False, minimum: int = 0) -> int | None:
    raw = str(text if text is not None else "").strip()
    if not raw:
        if required:
            raise ValidationError(field, text, msg("error.required"))
        return None
    if not raw.isdigit() or int(raw) < minimum:
        raise ValidationError(field, text, msg("error.not_whole_number", minimum=minimum))
    return int(raw)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
