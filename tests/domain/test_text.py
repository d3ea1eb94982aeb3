import pytest

from tracker.domain.errors import ValidationError
from tracker.domain.text import parse_text


def test_text_is_trimmed() -> None:
    assert parse_text({"buyer": "  Buyer Co \n"}, "buyer") == "Buyer Co"


def test_a_required_field_must_not_be_blank() -> None:
    with pytest.raises(ValidationError, match=r"^reference: is required$"):
        parse_text({"reference": "   "}, "reference", required=True)


@pytest.mark.parametrize("value", ["\0C-1", "C\0-1"])
def test_a_nul_character_is_refused_naming_the_field(value: str) -> None:
    with pytest.raises(ValidationError, match="contains a NUL character") as caught:
        parse_text({"reference": value}, "reference")
    assert caught.value.field == "reference"
    assert "\\0" in str(caught.value)


def test_text_longer_than_the_limit_is_refused() -> None:
    with pytest.raises(ValidationError, match="is longer than 5 characters"):
        parse_text({"note": "abcdef"}, "note", limit=5)
