"""Helpers the per-registry layouts share: cells, quantities, purposes, claim years."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg
from tracker.domain.vocab import Purpose
from tracker.services.registry.values import parse_quantity, tonnes_to_kg, whole_kg


def cell(cells: Mapping[str, str], key: str) -> str:
    return " ".join(str(cells.get(key) or "").split())


def credits_kg(cells: Mapping[str, str], key: str, column: str, decimal_comma: bool) -> int:
    """A quantity of credits (tonnes) in kilograms."""
    raw = cells.get(key)
    return tonnes_to_kg(parse_quantity(raw, column, decimal_comma), column, raw)


def kilograms(cells: Mapping[str, str], key: str, column: str, decimal_comma: bool) -> int:
    raw = cells.get(key)
    return whole_kg(parse_quantity(raw, column, decimal_comma), column, raw)


def require(cells: Mapping[str, str], key: str, column: str) -> str:
    value = cell(cells, key)
    if not value:
        raise ValidationError(column, None, msg("error.required"))
    return value


_PURPOSE_WORDS: tuple[tuple[Purpose, tuple[str, ...]], ...] = (
    (Purpose.REGULATORY, ("corsia", "compliance", "regulat", "arb ", "ndc")),
    (Purpose.INSETTING, ("inset",)),
    (Purpose.PUBLIC_CLAIM, ("public_environmental", "public claim", "claim")),
    (
        Purpose.CORPORATE_TARGET,
        ("corporate", "target", "neutral", "pledge", "emission", "behalf", "voluntary",
         "environmental benefit", "net zero", "net-zero", "compensat", "offset"),
    ),
)  # fmt: skip


def purpose_from_text(*texts: str) -> Purpose:
    """The retirement purpose a registry's free text names, else ``other``."""
    joined = f" {' '.join(texts).casefold()} "
    for purpose, words in _PURPOSE_WORDS:
        if any(word in joined for word in words):
            return purpose
    return Purpose.OTHER


_YEAR = re.compile(r"(?<!\d)(20\d{2})(?!\d)")


def claim_period(*texts: str) -> tuple[dt.date | None, dt.date | None]:
    """The calendar year a retirement note claims ('for 2025 emissions'), when it names
    exactly one year; otherwise no claim period."""
    years = {int(y) for text in texts for y in _YEAR.findall(text)}
    if len(years) != 1:
        return None, None
    year = years.pop()
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
