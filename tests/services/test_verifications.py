"""Verification records: the delivery's status follows the latest one."""

from __future__ import annotations

from typing import Any

import pytest
import sqlite_utils

from tests.factories import make_contract, make_delivery
from tracker.domain.errors import ValidationError
from tracker.services.audit.verifications import (
    add_verification,
    delete_verification,
    update_verification,
    verifications,
)
from tracker.services.contracts import delete_contract, restore
from tracker.services.deliveries import delete_delivery
from tracker.store import queries


def record(**overrides: Any) -> dict[str, str]:
    data = {
        "verifier": "DNV",
        "verified_on": "2025-08-01",
        "outcome": "verified",
        "verified_tonnes": "100",
        "evidence": "https://registry.example/report/1",
        "note": "",
    }
    data.update({k: str(v) for k, v in overrides.items()})
    return data


@pytest.fixture
def delivery(db: sqlite_utils.Database) -> int:
    return make_delivery(
        db, make_contract(db), verification_status="pending", verifier="", verified_on=""
    )


def _status(db: sqlite_utils.Database, delivery_id: int) -> tuple[str, str, str | None]:
    d = queries.delivery(db, delivery_id)
    return d.verification_status.value, d.verifier, d.verified_on and d.verified_on.isoformat()


def test_a_record_sets_the_delivery_status(db, delivery) -> None:
    add_verification(db, delivery, record())
    assert _status(db, delivery) == ("verified", "DNV", "2025-08-01")


def test_the_latest_record_decides_the_status(db, delivery) -> None:
    add_verification(db, delivery, record(verified_on="2025-09-01", outcome="failed"))
    add_verification(db, delivery, record(verified_on="2025-08-01"))
    assert _status(db, delivery) == ("failed", "DNV", "2025-09-01")


def test_editing_a_record_updates_the_status(db, delivery) -> None:
    made, _ = add_verification(db, delivery, record())
    assert made.id is not None
    update_verification(db, made.id, record(outcome="failed", verified_tonnes=""))
    assert _status(db, delivery)[0] == "failed"


def test_deleting_the_only_record_makes_the_delivery_pending(db, delivery) -> None:
    made, _ = add_verification(db, delivery, record())
    assert made.id is not None
    delete_verification(db, made.id)
    assert _status(db, delivery) == ("pending", "", None)


def test_a_verified_outcome_needs_the_verified_tonnes(db, delivery) -> None:
    with pytest.raises(ValidationError, match="verified_tonnes: is required"):
        add_verification(db, delivery, record(verified_tonnes=""))
    assert verifications(db, delivery) == []


def test_more_verified_than_delivered_is_refused(db, delivery) -> None:
    with pytest.raises(ValidationError, match=r"more than the 100\.000 t delivered"):
        add_verification(db, delivery, record(verified_tonnes="100.001"))


def test_an_unknown_outcome_is_refused(db, delivery) -> None:
    with pytest.raises(ValidationError, match="outcome 'ok': is not one of"):
        add_verification(db, delivery, record(outcome="ok"))


def test_deleting_a_delivery_takes_its_records_and_undo_restores_them(db, delivery) -> None:
    add_verification(db, delivery, record())
    removed, _ = delete_delivery(db, delivery)
    assert db.execute("select count(*) from verifications").fetchone()[0] == 0
    restore(db, removed)
    assert [v.verifier for v in verifications(db, delivery)] == ["DNV"]


def test_deleting_a_contract_takes_its_verification_records(db, delivery) -> None:
    add_verification(db, delivery, record())
    delete_contract(db, queries.delivery(db, delivery).contract_id)
    assert db.execute("select count(*) from verifications").fetchone()[0] == 0
