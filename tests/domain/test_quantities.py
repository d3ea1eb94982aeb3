from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.errors import ValidationError
from tracker.domain.quantities import (
    MAX_KG,
    format_cents,
    format_price,
    format_tonnes,
    format_tonnes_grouped,
    format_tonnes_short,
    parse_price,
    parse_tonnes,
    percent_one_decimal,
    value_cents,
)


@pytest.mark.parametrize(
    ("text", "kg"), [("1", 1000), ("0.001", 1), ("500000", 500_000_000), ("12.5", 12_500)]
)
def test_tonnes_parse_to_whole_kilograms(text: str, kg: int) -> None:
    assert parse_tonnes(text) == kg


@pytest.mark.parametrize("text", ["0", "-5", "0.000"])
def test_non_positive_tonnes_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError, match="must be greater than zero") as caught:
        parse_tonnes(text)
    assert caught.value.field == "tonnes"
    assert caught.value.value == text


def test_tonnes_finer_than_a_kilogram_are_refused() -> None:
    with pytest.raises(ValidationError, match=r"more precision than 0\.001 t"):
        parse_tonnes("1.0005")


@pytest.mark.parametrize("text", ["1,000", "ten", "1e3", "", "1.2.3", "NaN"])
def test_tonnes_that_are_not_plain_numbers_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_tonnes(text)


def test_prices_keep_four_decimals_and_refuse_a_fifth() -> None:
    assert parse_price("650.1234") == 6_501_234
    with pytest.raises(ValidationError, match="more than 4 decimal places"):
        parse_price("1.00001")


def test_negative_prices_are_refused() -> None:
    with pytest.raises(ValidationError, match="must not be negative"):
        parse_price("-1")


def test_formatting_is_exact() -> None:
    assert format_tonnes(1) == "0.001"
    assert format_tonnes_short(5_000_000) == "5000"
    assert format_tonnes_short(2_500_500) == "2500.5"
    assert format_tonnes_grouped(500_000_000) == "500,000.000"
    assert format_price(6_500_000) == "650.00"
    assert format_price(6_501_234) == "650.1234"
    assert format_cents(4_095_000_000, grouped=True) == "40,950,000.00"


def test_value_is_rounded_half_up_to_the_cent() -> None:
    # 0.001 t at 0.005 per tonne = 0.000005 -> 0.00; 1 t at 0.005 = 0.005 -> 0.01
    assert value_cents(1, 50) == 0
    assert value_cents(1000, 50) == 1
    assert value_cents(63_000_000, 6_500_000) == 4_095_000_000


def test_percent_to_one_decimal() -> None:
    assert percent_one_decimal(63, 500) == "12.6"
    assert percent_one_decimal(1, 3) == "33.3"
    assert percent_one_decimal(1, 0) == ""


@given(st.lists(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("1000000"), places=3)))
def test_summing_parsed_tonnes_is_exact(values: list[Decimal]) -> None:
    total_kg = sum(parse_tonnes(str(v)) for v in values)
    assert Decimal(total_kg) / 1000 == sum(values, Decimal(0))


@given(st.integers(min_value=1, max_value=MAX_KG))
def test_tonnes_text_round_trips(kg: int) -> None:
    assert parse_tonnes(format_tonnes(kg)) == kg
    assert parse_tonnes(format_tonnes_short(kg)) == kg


def test_tonnes_beyond_a_gigatonne_are_refused_not_overflowed() -> None:
    with pytest.raises(ValidationError, match="one gigatonne"):
        parse_tonnes("1" + "0" * 30)
