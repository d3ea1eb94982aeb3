"""Every refusal the ledger promises, use case by use case.

Each case asserts the three things a user relies on: the message names the
field, it quotes the value that was refused, and nothing was written — no
ledger row and no change-log entry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import sqlite_utils

from tests.factories import (
    counts,
    delivery_data,
    make_contract,
    make_delivery,
    retirement_data,
)
from tracker.domain.errors import NotFoundError, TrackerError, ValidationError
from tracker.services.deliveries import add_delivery
from tracker.services.retirements import retire
from tracker.services.schedule import add_tranche

Attempt = Callable[[sqlite_utils.Database, int], Any]


def _snapshot(db: sqlite_utils.Database) -> tuple[dict[str, int], int]:
    log_entries = db.execute("select count(*) from change_log").fetchone()[0]
    return counts(db), log_entries


def _ledger_with_one_delivery_and_a_retirement(db: sqlite_utils.Database) -> int:
    contract_id = make_contract(db)
    make_delivery(db, contract_id)
    retire(db, contract_id, retirement_data(tonnes="95", serial_block="ACR-US-1-2025-1-1 to 95"))
    return contract_id


REFUSALS: dict[str, tuple[Attempt, str, str]] = {
    "delivery with zero tonnes": (
        lambda db, c: add_delivery(db, c, delivery_data(tonnes="0", serial_block="")),
        "tonnes",
        "0",
    ),
    "delivery with negative tonnes": (
        lambda db, c: add_delivery(db, c, delivery_data(tonnes="-5", serial_block="")),
        "tonnes",
        "-5",
    ),
    "delivery finer than a kilogram": (
        lambda db, c: add_delivery(db, c, delivery_data(tonnes="1.0005", serial_block="")),
        "tonnes",
        "1.0005",
    ),
    "tranche with zero tonnes": (
        lambda db, c: add_tranche(db, c, {"due_on": "2025-12-31", "tonnes": "0"}),
        "tonnes",
        "0",
    ),
    "tranche finer than a kilogram": (
        lambda db, c: add_tranche(db, c, {"due_on": "2025-12-31", "tonnes": "2.0001"}),
        "tonnes",
        "2.0001",
    ),
    "retirement with negative tonnes": (
        lambda db, c: retire(db, c, retirement_data(tonnes="-1")),
        "tonnes",
        "-1",
    ),
    "retirement finer than a kilogram": (
        lambda db, c: retire(db, c, retirement_data(tonnes="0.0001")),
        "tonnes",
        "0.0001",
    ),
    "claim period ending before it starts": (
        lambda db, c: retire(
            db, c, retirement_data(claim_start="2025-06-01", claim_end="2025-05-31")
        ),
        "claim_end",
        "2025-05-31",
    ),
    "retiring more than the delivery still holds": (
        lambda db, c: retire(
            db, c, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-91 to 100")
        ),
        "tonnes",
        "10",
    ),
    "retirement block outside its delivery's block": (
        lambda db, c: retire(
            db, c, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-96 to 105")
        ),
        "serial_block",
        "ACR-US-1-2025-1-96 to 105",
    ),
    "unreadable serial block": (
        lambda db, c: add_delivery(db, c, delivery_data(serial_block="block one to five")),
        "serial_block",
        "block one to five",
    ),
    "block already used by another delivery of the registry": (
        lambda db, c: add_delivery(
            db, c, delivery_data(serial_block="ACR-US-1-2025-1-51 to 150", reference="TX-2")
        ),
        "serial_block",
        "ACR-US-1-2025-1-51 to 150",
    ),
    "block size differing from whole tonnes": (
        lambda db, c: add_delivery(
            db, c, delivery_data(tonnes="99", serial_block="ACR-US-1-2025-2-1 to 100")
        ),
        "serial_block",
        "but tonnes is 99",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refusal_names_field_and_value_and_writes_nothing(
    db: sqlite_utils.Database, case: str
) -> None:
    attempt, field, value = REFUSALS[case]
    contract_id = _ledger_with_one_delivery_and_a_retirement(db)
    before = _snapshot(db)

    with pytest.raises(ValidationError) as caught:
        attempt(db, contract_id)

    assert caught.value.field == field
    assert field in str(caught.value)
    assert value in str(caught.value)
    assert _snapshot(db) == before


@pytest.mark.parametrize(
    "attempt",
    [
        lambda db: add_delivery(db, 404, delivery_data()),
        lambda db: add_tranche(db, 404, {"due_on": "2025-12-31", "tonnes": "10"}),
        lambda db: retire(db, 404, retirement_data()),
    ],
    ids=["delivery", "tranche", "retirement"],
)
def test_unknown_contract_is_named_and_nothing_is_written(
    db: sqlite_utils.Database, attempt: Callable[[sqlite_utils.Database], Any]
) -> None:
    _ledger_with_one_delivery_and_a_retirement(db)
    before = _snapshot(db)

    with pytest.raises(NotFoundError) as caught:
        attempt(db)

    assert "contract 404" in str(caught.value)
    assert isinstance(caught.value, TrackerError)
    assert _snapshot(db) == before
