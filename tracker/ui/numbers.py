"""Numbers and dates as the window shows them: in the chosen locale (``QLocale()``),
tonnes with only the decimals they have, dates in the locale's short form with the whole
year.  CSV files and the command line keep canonical forms (ISO 8601 dates); so does
what the ledger stores, which tables sort and filter by."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from tracker.domain.quantities import format_price, format_tonnes_display, percent_one_decimal


def tonnes(kg: int) -> str:
    """'63,000', '150.5', '0.05' (in the locale's grouping and decimal mark)."""
    locale = QLocale()
    return format_tonnes_display(kg, locale.groupSeparator(), locale.decimalPoint())


def tonnes_t(kg: int) -> str:
    """Tonnes with their unit: '63,000 t' (吨 in Chinese)."""
    return QCoreApplication.translate("Units", "{tonnes} t").format(tonnes=tonnes(kg))


def count(n: int) -> str:
    """A count of rows or records grouped as tonnes are: '20,000' ('20 000' in French)."""
    return _grouped(n, QLocale())


# ISO 4217 currencies without minor units (others have two).
NO_MINOR_UNITS = frozenset({"JPY", "KRW", "CLP", "ISK", "VND", "XOF", "XAF", "UGX", "PYG"})


def money(cents: int, currency: str) -> str:
    """An amount in its currency's own minor units, in the locale's grouping and decimal
    mark: '44,200,000.00 USD', '1,235 JPY' (cents rounded half up to whole yen)."""
    locale = QLocale()
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    if currency.upper() in NO_MINOR_UNITS:
        whole = (cents + 50) // 100
        return f"{sign}{_grouped(whole, locale)} {currency}"
    whole, minor = divmod(cents, 100)
    return f"{sign}{_grouped(whole, locale)}{locale.decimalPoint()}{minor:02d} {currency}"


def _grouped(whole: int, locale: QLocale) -> str:
    return f"{whole:,}".replace(",", locale.groupSeparator())


def price(value: int) -> str:
    """A unit price (1/10,000 of the currency) with 2 to 4 decimals, grouped in the
    locale's way: '650.00', '1,234.5678' ('1.234,5678' in German)."""
    locale = QLocale()
    whole, _, decimals = format_price(value).partition(".")
    return f"{_grouped(int(whole), locale)}{locale.decimalPoint()}{decimals}"


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` in per cent with one decimal, in the locale's grouping and
    decimal mark: '35.0', '1,250.5' ('35,0' in German); '' when ``whole`` is 0.  The
    per-cent sign is the caller's (a translated "{percent} %")."""
    text = percent_one_decimal(part, whole)
    if not text:
        return ""
    locale = QLocale()
    sign = "-" if text.startswith("-") else ""
    whole_part, _, decimals = text.lstrip("-").partition(".")
    return f"{sign}{_grouped(int(whole_part), locale)}{locale.decimalPoint()}{decimals}"


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with a four-digit year: 'M/d/yyyy' in American
    English, 'dd/MM/yyyy' in British English, 'yyyy/M/d' in Chinese (a vintage or a
    claim period is never read from two digits)."""
    text = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in text:
        text = text.replace("yy", "yyyy")
    return text


def day(value: dt.date | str | None) -> str:
    """A calendar date as the window shows it: '3/31/2026' (English), '2026/3/31'
    (Chinese).  ISO text ('2026-03-31', as stored) or a date; other text is shown as it
    is, and nothing at all is empty."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        parsed = parse_iso(value)
        if parsed is None:
            return value
        value = parsed
    elif isinstance(value, dt.datetime):
        value = value.date()
    locale = QLocale()
    return locale.toString(QDate(value.year, value.month, value.day), date_format(locale))


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso(text: str) -> dt.date | None:
    """The date ISO text ('2026-03-31') names, else None."""
    text = text.strip()
    if not _ISO_DAY.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_day(text: str) -> dt.date | None:
    """A whole date typed as ISO or as the window shows dates ('3/31/2026'), else None."""
    found = parse_iso(text)
    if found is not None:
        return found
    locale = QLocale()
    shown = locale.toDate(text.strip(), date_format(locale))
    if not shown.isValid():
        return None
    day = shown.toPython()
    assert isinstance(day, dt.date)
    return day


def moment(stamp: str) -> str:
    """A logged UTC time ('2026-11-29T01:26:51Z') as the window shows it:
    '11/29/2026 01:26 UTC'; other text is shown as it is."""
    if stamp.endswith("Z") and "T" in stamp and parse_iso(stamp[:10]) is not None:
        return QCoreApplication.translate("Units", "{day} {time} UTC").format(
            day=day(stamp[:10]), time=stamp[11:16]
        )
    return stamp
