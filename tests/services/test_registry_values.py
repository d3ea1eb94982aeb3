"""Registry cell values: dates, quantities and vintages as registries write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tracker.domain.errors import ValidationError
from tracker.services.registry.text import decode_bytes, sniff_delimiter
from tracker.services.registry.values import parse_quantity, parse_registry_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6/30/2025 7:43:26 PM", dt.date(2025, 6, 30)),
        ("02/28/2025", dt.date(2025, 2, 28)),
        ("2026-04-14T16:50:41.621676Z", dt.date(2026, 4, 14)),
        ("2026-04-13T12:35:58.842275", dt.date(2026, 4, 13)),
        ("2026-01-01T00:30:00+01:00", dt.date(2025, 12, 31)),
        ("2026-04-03", dt.date(2026, 4, 3)),
        ("28.02.2025", dt.date(2025, 2, 28)),
    ],
)
def test_registry_dates(text: str, expected: dt.date) -> None:
    assert parse_registry_date(text, "Date") == expected


@pytest.mark.parametrize("text", ["2/29/2025", "13/1/2025", "2025-02-30", "6/30/2025 0:10 AM"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError, match="calendar date"):
        parse_registry_date(text, "Date")


@pytest.mark.parametrize(
    ("text", "decimal_comma", "expected"),
    [
        ("1,454,054", False, Decimal(1454054)),
        ("2765.37", False, Decimal("2765.37")),
        ("1.454.054,5", True, Decimal("1454054.5")),
        ("1 454 054", True, Decimal(1454054)),
        ("12,5", True, Decimal("12.5")),
    ],
)
def test_quantities(text: str, decimal_comma: bool, expected: Decimal) -> None:
    assert parse_quantity(text, "Quantity", decimal_comma) == expected


def test_in_a_semicolon_file_a_dot_groups_thousands() -> None:
    assert parse_quantity("1.500", "Quantity", decimal_comma=True) == Decimal(1500)
    with pytest.raises(ValidationError, match=r"1\.234,5"):
        parse_quantity("1.5000.1", "Quantity", decimal_comma=True)


def test_delimiter_is_taken_from_the_header_outside_quotes() -> None:
    assert sniff_delimiter('"a,b";c;d\n1;2;3') == ";"
    assert sniff_delimiter("a\tb\tc\n") == "\t"


def test_utf16_without_bom_is_recognised_by_its_nul_bytes() -> None:
    assert decode_bytes("f", "Quantity,Serial\n".encode("utf-16-le")).encoding == "utf-16-le"
