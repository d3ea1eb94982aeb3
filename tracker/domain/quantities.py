"""Exact quantities: tonnes as integer kilograms, prices as integer 1/10,000 units.

Nothing here uses floats.  Text is parsed with :class:`decimal.Decimal` and
refused when it carries more precision than we store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg

KG_PER_TONNE = 1000
PRICE_SCALE = 10_000  # unit prices are stored in 1/10,000 of the currency unit
MAX_KG = 10**12  # one gigatonne: far beyond any contract, well inside a 64-bit integer
MAX_PRICE = 10**6 * PRICE_SCALE  # one million per tonne
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def _decimal(field: str, text: object) -> Decimal:
    if isinstance(text, bool):
        raise ValidationError(field, text, msg("error.not_a_number"))
    if isinstance(text, int | Decimal):
        return Decimal(text)
    raw = str(text).strip() if text is not None else ""
    if not raw:
        raise ValidationError(field, text, msg("error.required"))
    if not _PLAIN_NUMBER.match(raw):
        raise ValidationError(field, text, msg("error.not_plain_number"))
    try:
        return Decimal(raw)
    except InvalidOperation as exc:  # pragma: no cover - the regex guards this
        raise ValidationError(field, text, msg("error.not_a_number")) from exc


def parse_tonnes(text: object, field: str = "tonnes") -> int:
    """Parse tonnes (at most 3 decimals) into a positive number of kilograms."""
    value = _decimal(field, text)
    kg = value * KG_PER_TONNE
    if kg != kg.to_integral_value():
        raise ValidationError(field, text, msg("error.tonnes_precision"))
    if kg <= 0:
        raise ValidationError(field, text, msg("error.not_positive"))
    if kg > MAX_KG:
        raise ValidationError(field, text, msg("error.tonnes_too_large"))
    return int(kg)


def parse_price(text: object, field: str = "price_per_tonne") -> int:
    """Parse a unit price (at most 4 decimals, not negative) into 1/10,000 units."""
    value = _decimal(field, text)
    scaled = value * PRICE_SCALE
    if scaled != scaled.to_integral_value():
        raise ValidationError(field, text, msg("error.price_decimals"))
    if scaled < 0:
        raise ValidationError(field, text, msg("error.negative"))
    if scaled > MAX_PRICE:
        raise ValidationError(field, text, msg("error.price_too_large"))
    return int(scaled)


def format_tonnes(kg: int) -> str:
    """Kilograms as plain tonnes text with exactly three decimals: 1234567 -> '1234.567'."""
    sign = "-" if kg < 0 else ""
    whole, frac = divmod(abs(kg), KG_PER_TONNE)
    return f"{sign}{whole}.{frac:03d}"


def format_tonnes_short(kg: int) -> str:
    """Tonnes without trailing zero decimals, for CSV files: 5000000 -> '5000'."""
    text = format_tonnes(kg).rstrip("0").rstrip(".")
    return text or "0"


def format_tonnes_grouped(kg: int) -> str:
    """Tonnes for people: thousands separators and three decimals: '1,234.567'."""
    sign = "-" if kg < 0 else ""
    whole, frac = divmod(abs(kg), KG_PER_TONNE)
    return f"{sign}{whole:,}.{frac:03d}"


def format_tonnes_display(kg: int, group: str = ",", decimal: str = ".") -> str:
    """Tonnes for people, with only the decimals they have (up to 3, one kilogram):
    63000000 -> '63,000', 150500 -> '150.5', 50 -> '0.05'.  The window passes its
    locale's separators; CSV files keep the canonical forms above."""
    sign = "-" if kg < 0 else ""
    whole, frac = divmod(abs(kg), KG_PER_TONNE)
    grouped = f"{whole:,}".replace(",", group)
    digits = f"{frac:03d}".rstrip("0")
    return f"{sign}{grouped}{decimal}{digits}" if digits else f"{sign}{grouped}"


def format_price(price: int) -> str:
    """1/10,000 units as text with 2 to 4 decimals: 6500000 -> '650.00'."""
    whole, frac = divmod(price, PRICE_SCALE)
    text = f"{whole}.{frac:04d}"
    while text.endswith("0") and len(text.split(".")[1]) > 2:
        text = text[:-1]
    return text


def value_cents(kg: int, price: int) -> int:
    """Money value of ``kg`` at ``price`` per tonne, in cents, rounded half up."""
    return value_cents_total([(kg, price)])


def value_cents_total(parts: Iterable[tuple[int, int]]) -> int:
    """Value of several (kg, price per tonne) parts, summed exactly and rounded once."""
    # kg/1000 tonnes * price/10000 units * 100 cents = kg*price/100000 cents
    exact = Decimal(sum(kg * price for kg, price in parts)) / Decimal(100_000)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_cents(cents: int, grouped: bool = False) -> str:
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    body = f"{whole:,}" if grouped else str(whole)
    return f"{sign}{body}.{frac:02d}"


def percent_one_decimal(part: int, whole: int) -> str:
    """``part / whole * 100`` to one decimal, rounded half up; '' when whole is 0."""
    if whole == 0:
        return ""
    exact = Decimal(part) * 100 / Decimal(whole)
    return str(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
