"""ISO 8601 calendar dates."""

from __future__ import annotations

import datetime as dt

from tracker.domain.errors import ValidationError


def parse_date(text: object, field: str, required: bool = True) -> dt.date | None:
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    raw = str(text or "").strip()
    if not raw:
        if required:
            raise ValidationError(field, text, "is required (a date as YYYY-MM-DD)")
        return None
    try:
        if len(raw) != 10:
            raise ValueError
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(field, text, "is not a valid date as YYYY-MM-DD") from None


def parse_year(text: object, field: str, required: bool = False) -> int | None:
    if isinstance(text, int) and not isinstance(text, bool):
        raw = str(text)
    else:
        raw = str(text or "").strip()
    if not raw:
        if required:
            raise ValidationError(field, text, "is required (a year such as 2025)")
        return None
    if not raw.isdigit() or not 1900 <= int(raw) <= 2200:
        raise ValidationError(field, text, "is not a year between 1900 and 2200")
    return int(raw)


def parse_whole(text: object, field: str, required: bool = False, minimum: int = 0) -> int | None:
    raw = str(text if text is not None else "").strip()
    if not raw:
        if required:
            raise ValidationError(field, text, "is required")
        return None
    if not raw.isdigit() or int(raw) < minimum:
        raise ValidationError(field, text, f"is not a whole number of at least {minimum}")
    return int(raw)


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
