"""Invalidations: credits a registry took back stop counting from their date."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlite_utils

from tests.audit_factories import flags_of
from tests.factories import counts, make_contract, make_delivery, retirement_data
from tracker.domain.errors import ValidationError
from tracker.services import tracker_csv
from tracker.services.audit.verifications import add_verification
from tracker.services.invalidations import add_invalidation, delete_invalidation
from tracker.services.reports import REPORTS, ReportOptions
from tracker.services.retirements import retire
from tracker.services.summary import portfolio_summary
from tracker.store.log_verify import verify_log

AS_OF = dt.date(2026, 1, 1)


def _invalidate(db: sqlite_utils.Database, delivery: int, **overrides: str) -> int:
    data = {"invalidated_on": "2025-10-01", "tonnes": "20", "reason": "reversal", **overrides}
    record, _ = add_invalidation(db, delivery, data)
    assert record.id is not None
    return record.id


def test_invalidated_tonnes_stop_counting_from_their_date(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    _invalidate(db, delivery)
    (before,) = portfolio_summary(db, dt.date(2025, 9, 30))
    (after,) = portfolio_summary(db, AS_OF)
    assert (before.delivered_kg, before.invalidated_kg) == (100_000, 0)
    assert (after.delivered_kg, after.available_kg, after.invalidated_kg) == (
        80_000, 80_000, 20_000,
    )  # fmt: skip
    assert after.undelivered_kg == 920_000


def test_invalidated_serials_cannot_be_retired(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    _invalidate(db, delivery, serial_block="ACR-US-1-2025-1-81 to 100")
    with pytest.raises(ValidationError, match="invalidated by the registry"):
        retire(db, contract, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-91 to 100"))
    made, _ = retire(db, contract, retirement_data(tonnes="80"))
    assert [r.block.text for r in made if r.block] == ["ACR-US-1-2025-1-1 to 80"]


def test_quantity_invalidations_take_the_last_free_serials(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    _invalidate(db, delivery)
    with pytest.raises(ValidationError, match=r"more than the 80\.000 t"):
        retire(db, contract, retirement_data(tonnes="81"))


def test_invalidating_retired_credits_flags_them_and_marks_the_claim(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    [retired], _ = retire(db, contract, retirement_data(tonnes="90"))
    _invalidate(db, delivery, tonnes="30")  # 10 t never retired absorb part of it

    (found,) = flags_of(db, "RETIRED_INVALIDATED", AS_OF)

    assert (found.subject_id, found.severity.value) == (retired.id, "critical")
    assert found.message.startswith("20.000 t of the 90.000 t retired on 2025-09-30")
    claims = list(REPORTS["claims"].rows(db, ReportOptions(as_of=AS_OF)))
    assert [str(c) for c in claims[0][-2:]] == ["20", "yes"]
    assert verify_log(db).ok


def test_retired_invalidated_credits_whose_delivery_then_failed_are_flagged_failed_only(
    db: sqlite_utils.Database,
) -> None:
    """Once the delivery fails, all of the retirement no longer stands: one finding says
    so, not a second about the invalidated part."""
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    [retired], _ = retire(db, contract, retirement_data(tonnes="90"))
    _invalidate(db, delivery, tonnes="30")
    add_verification(
        db, delivery, {"outcome": "failed", "verified_on": "2025-11-01", "verifier": "SCS Global"}
    )
    before_failure = dt.date(2025, 10, 15)
    assert [f.subject_id for f in flags_of(db, "RETIRED_INVALIDATED", before_failure)] == [
        retired.id
    ]
    assert flags_of(db, "RETIRED_FROM_FAILED", before_failure) == []
    assert flags_of(db, "RETIRED_INVALIDATED", AS_OF) == []
    assert [f.subject_id for f in flags_of(db, "RETIRED_FROM_FAILED", AS_OF)] == [retired.id]


def test_an_invalidation_naming_retired_serials_hits_those_retirements(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    retire(db, contract, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-1 to 10"))
    [hit], _ = retire(
        db, contract, retirement_data(tonnes="10", serial_block="ACR-US-1-2025-1-11 to 20")
    )
    _invalidate(db, delivery, tonnes="5", serial_block="ACR-US-1-2025-1-16 to 20")
    (found,) = flags_of(db, "RETIRED_INVALIDATED", AS_OF)
    assert (found.subject_id, found.message[:21]) == (hit.id, "5.000 t of the 10.000")


def test_invalidating_more_than_the_delivery_holds_is_refused(
    db: sqlite_utils.Database,
) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    _invalidate(db, delivery, tonnes="60")
    before = counts(db)
    with pytest.raises(ValidationError, match=r"more than the 40\.000 t of this delivery"):
        _invalidate(db, delivery, tonnes="41")
    assert counts(db) == before


def test_an_invalidation_before_the_delivery_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    with pytest.raises(ValidationError, match="before the delivery date") as caught:
        _invalidate(db, delivery, invalidated_on="2025-06-01")
    assert caught.value.field == "invalidated_on"


def test_a_reason_outside_the_list_is_refused(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    with pytest.raises(ValidationError) as caught:
        _invalidate(db, delivery, reason="fire")
    assert caught.value.field == "reason"


def test_invalidations_round_trip_through_csv(db: sqlite_utils.Database) -> None:
    contract = make_contract(db)
    delivery = make_delivery(db, contract)
    _invalidate(db, delivery, serial_block="ACR-US-1-2025-1-81 to 100", note="kiln fire")
    header = ",".join(tracker_csv.COLUMNS["invalidations"])
    lines = [
        ",".join(str(c) for c in line) for line in tracker_csv.export_rows(db, "invalidations")
    ]
    text = "\n".join([header, *lines])
    (uid,) = db.execute("select uid from invalidations").fetchone()
    assert lines == [
        "C-1,ACR-US-1-2025-1-1 to 100,2025-10-01,20,ACR-US-1-2025-1-81 to 100,reversal,,kiln fire,"
        + uid
    ]
    assert tracker_csv.import_text(db, "invalidations", text, "i.csv").added == 0
    (record_id,) = [r[0] for r in db.execute("select id from invalidations")]
    delete_invalidation(db, record_id)
    assert tracker_csv.import_text(db, "invalidations", text, "i.csv").added == 1


def _retired_and_invalidated(db: sqlite_utils.Database, n: int) -> None:
    contract = make_contract(db, reference=f"C-{n}")
    first = n * 100 + 1
    delivery = make_delivery(db, contract, serial_block=f"ACR-US-1-2025-1-{first} to {first + 99}")
    retire(db, contract, retirement_data(tonnes="90"))
    _invalidate(db, delivery, tonnes="30")


def test_invalidated_retirements_are_found_in_a_fixed_number_of_queries(
    db: sqlite_utils.Database,
) -> None:
    from tracker.services.audit.engine import evaluate

    def queries() -> tuple[int, int]:
        seen: list[str] = []
        with db.tracer(lambda sql, _params: seen.append(sql)):
            found = [f for f in evaluate(db, AS_OF) if f.rule == "RETIRED_INVALIDATED"]
        return len(seen), len(found)

    _retired_and_invalidated(db, 0)
    few, flagged = queries()
    assert flagged == 1
    for n in range(1, 25):
        _retired_and_invalidated(db, n)
    assert queries() == (few, 25)
