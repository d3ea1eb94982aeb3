"""Messages as data: a code and typed parameters, worded in English by default."""

from __future__ import annotations

import copy
import gc
import pickle
import re
from dataclasses import replace

import pytest

from tracker.domain.message_catalogue import TEMPLATES
from tracker.domain.messages import (
    ENGLISH,
    Count,
    Day,
    Message,
    Money,
    Number,
    Percent,
    Price,
    Tonnes,
    msg,
    render,
)


def test_a_message_is_worded_from_its_template_and_parameters() -> None:
    found = msg(
        "flag.price_anomaly_valued", due=Day("2026-03-31"), price=Price(6_825_000),
        currency="USD", pct=Percent(325_000, 6_500_000), base=Price(6_500_000), tolerance=5,
        tonnes=Tonnes(1_500), value=Money(102_375, "USD"), base_value=Money(97_500, "USD"),
    )  # fmt: skip
    assert render(found) == (
        "Tranche due 2026-03-31 is priced 682.50 USD/t, 5.0 % off the contract price of "
        "650.00 USD/t (tolerance 5 %). 1.500 t delivered against it is valued at "
        "1,023.75 USD instead of 975.00 USD."
    )


def test_the_count_chooses_the_plural_form() -> None:
    def late(days: int) -> str:
        return render(msg("flag.late_tranche", tonnes=Tonnes(1), due=Day("2026-01-01"),
                          shortfall=Tonnes(1), delivered=Tonnes(0), n=Count(days)))  # fmt: skip

    assert late(1).endswith("1 day late).")
    assert late(1_234).endswith("1,234 days late).")


def test_a_parameter_may_be_a_message_of_its_own() -> None:
    inner = msg("subject.delivery", block="GS1-1")
    assert render(msg("subject.contract", contract=inner)) == "contract delivery GS1-1"


def test_a_number_stays_ungrouped_in_english_and_follows_the_readers_format() -> None:
    """Counts of the health reports print as the command line always printed them."""
    more = msg("log.more_mismatches", count=Number(1_234))
    assert render(more) == "… and 1234 more mismatches"
    grouped = replace(ENGLISH, number=lambda n: f"{n:,}")
    assert render(more, formatters=grouped) == "… and 1,234 more mismatches"


def test_unknown_codes_and_parameters_that_are_not_values_are_refused() -> None:
    with pytest.raises(KeyError):
        msg("flag.no_such_code")
    with pytest.raises(TypeError):
        render(msg("subject.contract", contract=True))


# The English subjects as the rules worded them before flags carried codes: an
# acknowledgement written then is recognised by a fingerprint of that wording
# (Flag.legacy_fingerprint), so these must not change.
AUDIT_SUBJECTS = {
    "subject.contract": "contract {contract}",
    "subject.tranche": "tranche due {due}",
    "subject.tranche_even": "tranche due {due} (even schedule)",
    "subject.delivery": "delivery {block}",
    "subject.delivery_pending": "delivery of {day} (serials pending)",
    "subject.delivery_pending_ref": "delivery {reference} of {day} (serials pending)",
    "subject.retirement": "retirement {block} on {day}",
    "subject.retirement_pending": "retirement of {tonnes} on {day} (serials pending)",
}


def test_subjects_keep_the_english_of_the_keys_acknowledgements_were_written_under() -> None:
    assert {code: TEMPLATES[code] for code in AUDIT_SUBJECTS} == AUDIT_SUBJECTS
    pending = msg("subject.retirement_pending", tonnes=Tonnes(10_000), day=Day("2025-09-30"))
    assert render(pending) == "retirement of 10.000 t on 2025-09-30 (serials pending)"


def test_every_template_names_its_parameters_in_braces_only() -> None:
    for code, template in TEMPLATES.items():
        assert re.sub(r"\{\w+\}|%L?n", "", template).count("{") == 0, code
        assert code.split(".")[0] in ("subject", "flag", "registry", "error", "check", "log"), code


def test_messages_with_the_same_parameter_names_share_them() -> None:
    """A portfolio's flags carry hundreds of thousands of messages: the names are held
    once per set of names, the values on their own — and nothing else changes."""
    first = msg("flag.unverified_stale", tonnes=Tonnes(1000), day=Day("2025-01-01"), n=3, limit=2)
    second = msg("flag.unverified_stale", tonnes=Tonnes(5), day=Day("2025-02-01"), n=4, limit=2)
    assert first._names is second._names
    assert first.params == (
        ("tonnes", Tonnes(1000)), ("day", Day("2025-01-01")), ("n", 3), ("limit", 2),
    )  # fmt: skip
    assert first.get("n") == 3
    assert first == Message("flag.unverified_stale", first.params)
    assert hash(first) == hash(Message("flag.unverified_stale", first.params))
    assert first != second


def test_a_message_cannot_be_changed() -> None:
    found = msg("flag.unverified_stale", tonnes=Tonnes(1), day=Day("2025-01-01"), n=3, limit=2)
    with pytest.raises(AttributeError):
        found.code = "flag.vintage_mismatch"  # type: ignore[misc]


def test_a_message_code_must_have_a_template() -> None:
    with pytest.raises(KeyError, match="no template"):
        msg("flag.no_such_code")


def test_days_named_by_many_messages_are_one_text() -> None:
    day = "".join(["2025-", "01-01"])  # built at run time: not interned by the compiler
    assert Day(day).iso is Day("2025-01-01").iso


def test_a_message_is_one_object_holding_its_code_shared_names_and_values() -> None:
    """A hundred thousand flags hold two messages each: each is one tuple, not an object
    with a tuple of its own."""
    found = msg("flag.unverified_stale", tonnes=Tonnes(1), day=Day("2025-01-01"), n=3, limit=2)
    held = gc.get_referents(found)
    assert "flag.unverified_stale" in held
    assert found._names in held
    assert Tonnes(1) in held
    assert Day("2025-01-01") in held


def test_a_message_is_not_a_sequence_nor_equal_to_one() -> None:
    found = msg("subject.contract", contract="C-1")
    assert found != ("subject.contract", ("contract",), "C-1")
    with pytest.raises(TypeError):
        list(found)
    with pytest.raises(TypeError):
        len(found)
    assert found
    assert found == msg("subject.contract", contract="C-1")


def test_a_message_copies_and_pickles_as_itself() -> None:
    found = msg("flag.unverified_stale", tonnes=Tonnes(1), day=Day("2025-01-01"), n=3, limit=2)
    assert copy.deepcopy(found) == found
    assert pickle.loads(pickle.dumps(found)) == found
