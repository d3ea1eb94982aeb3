"""The English templates of every message code: the one place a flag is worded.

Each template is marked for ``pyside6-lupdate`` (context ``Flags``) by a call of the
name lupdate looks for: ``QT_TRANSLATE_NOOP`` for plain templates and ``translate``
with a count for plural ones (``%n``/``%Ln`` and ``(s)``).  Both are no-ops
(``tracker.domain.translation_marks``): the domain knows no Qt.  The reasons of
refused values are in ``tracker.domain.error_catalogue`` (context ``Errors``), the
findings of the ledger's health reports in ``tracker.domain.report_catalogue``
(context ``Reports``).
``tracker.domain.messages.render`` words a message; ``{name}`` placeholders are filled
with its parameters, formatted for the reader.

Templates of subjects (which record a flag is about) start with ``subject.``; the
English wording of those is pinned: the identity of acknowledgements written before
flags carried codes was built from it (see ``Flag.legacy_fingerprint``).
"""

from __future__ import annotations

from tracker.domain.error_catalogue import ERROR_CONTEXT, ERROR_TEMPLATES
from tracker.domain.report_catalogue import REPORT_CONTEXT, REPORT_TEMPLATES
from tracker.domain.translation_marks import QT_TRANSLATE_NOOP, translate

CONTEXT = "Flags"


FLAG_TEMPLATES: dict[str, str] = {
    # --- subjects: the record a flag is about --------------------------------------
    "subject.contract": QT_TRANSLATE_NOOP("Flags", "contract {contract}"),
    "subject.tranche": QT_TRANSLATE_NOOP("Flags", "tranche due {due}"),
    "subject.tranche_even": QT_TRANSLATE_NOOP("Flags", "tranche due {due} (even schedule)"),
    "subject.delivery": QT_TRANSLATE_NOOP("Flags", "delivery {block}"),
    "subject.delivery_pending": QT_TRANSLATE_NOOP("Flags", "delivery of {day} (serials pending)"),
    "subject.delivery_pending_ref": QT_TRANSLATE_NOOP(
        "Flags", "delivery {reference} of {day} (serials pending)"
    ),
    "subject.retirement": QT_TRANSLATE_NOOP("Flags", "retirement {block} on {day}"),
    "subject.retirement_pending": QT_TRANSLATE_NOOP(
        "Flags", "retirement of {tonnes} on {day} (serials pending)"
    ),
    "subject.retirement_block": QT_TRANSLATE_NOOP("Flags", "retirement {block}"),
    "subject.registry_row": QT_TRANSLATE_NOOP("Flags", "registry row {line}: {block}"),
    "subject.registry_retirement": QT_TRANSLATE_NOOP("Flags", "registry retirement {reference}"),
    # --- contracts -------------------------------------------------------------------
    "flag.cumulative_shortfall": QT_TRANSLATE_NOOP(
        "Flags",
        "By {day}, {due} was due but only {delivered} delivered: a shortfall of {gap}, "
        "{pct} % of the {contracted} contract (limit {limit} %).",
    ),
    "flag.over_delivery": QT_TRANSLATE_NOOP(
        "Flags",
        "{delivered} delivered against a contract for {contracted}: {excess} more than contracted.",
    ),
    "flag.tranches_exceed_contract": translate(
        "Flags",
        "The %n tranche(s) schedule {scheduled}, {excess} more than the {contracted} contracted.",
        None,
        2,
    ),
    # --- deliveries ------------------------------------------------------------------
    "flag.unverified_stale": translate(
        "Flags",
        "{tonnes} delivered on {day} is still unverified after %n day(s) (limit {limit} days).",
        None,
        2,
    ),
    "flag.missing_serial": translate(
        "Flags",
        "{tonnes} delivered on {day} still has no serial numbers after %n day(s): ask the "
        "supplier for the registry serial block or batch id.",
        None,
        2,
    ),
    "flag.missing_serial_late": translate(
        "Flags",
        "{tonnes} delivered on {day} still has no serial numbers after %n day(s) (more than "
        "the {limit} days allowed): ask the supplier for the registry serial block or batch id.",
        None,
        2,
    ),
    "flag.verified_before_delivered": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} delivered on {day} carries a verification dated {verified}, before it was "
        "delivered: correct one of the dates.",
    ),
    "flag.verified_before_delivered_undated": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} delivered on {day} carries a verification dated earlier, before it was "
        "delivered: correct one of the dates.",
    ),
    "flag.delivered_before_term": QT_TRANSLATE_NOOP(
        "Flags", "{tonnes} delivered on {day}, before the contract term {start} to {end}."
    ),
    "flag.delivered_after_term": QT_TRANSLATE_NOOP(
        "Flags", "{tonnes} delivered on {day}, after the contract term {start} to {end}."
    ),
    # --- retirements -----------------------------------------------------------------
    "flag.retired_pending": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} from delivery {block}, which is still unverified "
        "(pending) on {as_of}.",
    ),
    "flag.retired_verified_later": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} from delivery {block}, which was only verified on "
        "{verified_on}.",
    ),
    "flag.retired_from_failed": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} from delivery {block}, whose verification failed: the "
        "claim it supports must be restated.",
    ),
    "flag.retired_from_failed_by": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} from delivery {block}, whose verification failed by "
        "{verifier}: the claim it supports must be restated.",
    ),
    "flag.retired_from_failed_on": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} from delivery {block}, whose verification failed on "
        "{failed_on}: the claim it supports must be restated.",
    ),
    "flag.retired_from_failed_by_on": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} from delivery {block}, whose verification failed by "
        "{verifier} on {failed_on}: the claim it supports must be restated.",
    ),
    "flag.retired_invalidated": QT_TRANSLATE_NOOP(
        "Flags",
        "{invalidated} of the {tonnes} retired on {day} from delivery {block} were "
        "invalidated by the registry on {since}: the claim they support must be restated.",
    ),
    "flag.retired_before_delivered": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day}, before delivery {block} arrived on {delivered_on}.",
    ),
    "flag.vintage_age": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} of vintage {vintage} claimed for {claim_year}: {age} years old, more than "
        "the {limit}-year limit.",
    ),
    "flag.late_retirement_for_claim": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} for the claim period ending {claim_end}: more than "
        "{months} months after it ended.",
    ),
    "flag.missing_beneficiary": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} retired on {day} names no beneficiary, so the claim cannot be attributed "
        "to anyone.",
    ),
    # --- the schedule ----------------------------------------------------------------
    "flag.late_tranche": translate(
        "Flags",
        "Tranche of {tonnes} due {due} is late: {shortfall} of it still undelivered "
        "({delivered} of accepted deliveries allocated to it, %Ln day(s) late).",
        None,
        2,
    ),
    "flag.vintage_mismatch": QT_TRANSLATE_NOOP(
        "Flags",
        "{tonnes} delivered of vintage {vintage} fills a tranche that calls for vintage {wanted}.",
    ),
    "flag.price_anomaly_valued": QT_TRANSLATE_NOOP(
        "Flags",
        "Tranche due {due} is priced {price} {currency}/t, {pct} % off the contract price of "
        "{base} {currency}/t (tolerance {tolerance} %). {tonnes} delivered against it is "
        "valued at {value} instead of {base_value}.",
    ),
    "flag.price_anomaly_undelivered": QT_TRANSLATE_NOOP(
        "Flags",
        "Tranche due {due} is priced {price} {currency}/t, {pct} % off the contract price of "
        "{base} {currency}/t (tolerance {tolerance} %). Nothing has been delivered against "
        "it yet.",
    ),
    # --- serial numbers --------------------------------------------------------------
    "flag.serials_delivered_twice": translate(
        "Flags",
        "Serial block {block} overlaps block {other} already delivered under contract "
        "{other_contract}: serials {low}–{high} (%Ln serial(s)) are counted twice.",
        None,
        2,
    ),
    "flag.serials_retired_twice": translate(
        "Flags",
        "Retired serial block {block} overlaps block {other} already retired on {other_on}: "
        "serials {low}–{high} (%Ln serial(s)) are claimed twice.",
        None,
        2,
    ),
    "flag.serial_count_delivery_t": translate(
        "Flags",
        "Serial block {block} holds %Ln serial(s) (1 serial = 1 t, so {held}) but the "
        "delivery records {tonnes}.",
        None,
        2,
    ),
    "flag.serial_count_delivery_kg": translate(
        "Flags",
        "Serial block {block} holds %Ln serial(s) (1 serial = 1 kg, so {held}) but the "
        "delivery records {tonnes}.",
        None,
        2,
    ),
    "flag.serial_count_retirement_t": translate(
        "Flags",
        "Serial block {block} holds %Ln serial(s) (1 serial = 1 t, so {held}) but the "
        "retirement records {tonnes}.",
        None,
        2,
    ),
    "flag.serial_count_retirement_kg": translate(
        "Flags",
        "Serial block {block} holds %Ln serial(s) (1 serial = 1 kg, so {held}) but the "
        "retirement records {tonnes}.",
        None,
        2,
    ),
    "flag.duplicate_block": QT_TRANSLATE_NOOP(
        "Flags",
        "Delivery of {tonnes} on {day} repeats the identical serial block {block} recorded "
        "on {first_on} under contract {first_contract}.",
    ),
    "flag.duplicate_reference": QT_TRANSLATE_NOOP(
        "Flags",
        "Delivery of {tonnes} on {day} repeats the same registry reference '{reference}' "
        "recorded on {first_on} under contract {first_contract}.",
    ),
    "flag.over_retired_delivery": translate(
        "Flags",
        "{retired} retired in %n retirement(s) from a delivery of only {tonnes}: {excess} "
        "retired that were never delivered.",
        None,
        2,
    ),
    "flag.retired_outside_delivery": QT_TRANSLATE_NOOP(
        "Flags",
        "Retired serial block {block} ({tonnes}) lies outside the delivery it is drawn from, "
        "{delivery_block}.",
    ),
    # --- registry reconciliation -------------------------------------------------------
    "registry.cancelled": QT_TRANSLATE_NOOP(
        "Flags",
        "cancelled in the registry on {day}, but the ledger holds it as delivered ({block})",
    ),
    "registry.missing_delivery": QT_TRANSLATE_NOOP(
        "Flags",
        "the registry lists {tonnes} (delivery) on {day}; the ledger has no such block",
    ),
    "registry.missing_retirement": QT_TRANSLATE_NOOP(
        "Flags",
        "the registry lists {tonnes} (retirement) on {day}; the ledger has no such block",
    ),
    "registry.missing_cancellation": QT_TRANSLATE_NOOP(
        "Flags",
        "the registry lists {tonnes} (cancellation) on {day}; the ledger has no such block",
    ),
    "registry.retired_not_in_ledger": QT_TRANSLATE_NOOP(
        "Flags",
        "retired in the registry on {day}, but not retired in the ledger (delivery {block})",
    ),
    "registry.active_but_retired": QT_TRANSLATE_NOOP(
        "Flags", "active in the registry, but the ledger retired {block} on {day}"
    ),
    "registry.quantity": QT_TRANSLATE_NOOP(
        "Flags", "quantity differs: registry {registry}, ledger {ledger}"
    ),
    "registry.quantity_overlap": QT_TRANSLATE_NOOP(
        "Flags",
        "quantity differs: the registry block ({registry}) only overlaps the ledger's "
        "{block} ({ledger})",
    ),
    "registry.beneficiary": QT_TRANSLATE_NOOP(
        "Flags", "beneficiary differs: registry '{registry}', ledger '{ledger}'"
    ),
    "registry.missing_reference": QT_TRANSLATE_NOOP(
        "Flags",
        "the registry lists {tonnes} retired on {day} for {beneficiary}; the ledger has no "
        "retirement with this reference",
    ),
    "registry.missing_reference_unnamed": QT_TRANSLATE_NOOP(
        "Flags",
        "the registry lists {tonnes} retired on {day} for no named beneficiary; the ledger "
        "has no retirement with this reference",
    ),
    "registry.delivery_not_listed": QT_TRANSLATE_NOOP(
        "Flags",
        "the ledger records {tonnes} delivery on {day}, but the registry file ({first} to "
        "{last}) does not list it",
    ),
    "registry.retirement_not_listed": QT_TRANSLATE_NOOP(
        "Flags",
        "the ledger records {tonnes} retirement on {day}, but the registry file ({first} to "
        "{last}) does not list it",
    ),
}

# Every message code: the flags' above, the refusals' (``error.``) and the health
# reports' (``check.``, ``log.``) in their own modules.
TEMPLATES: dict[str, str] = {**FLAG_TEMPLATES, **ERROR_TEMPLATES, **REPORT_TEMPLATES}


def context_of(code: str) -> str:
    """The translation context of a message code (``Flags``, ``Errors`` or ``Reports``)."""
    if code in ERROR_TEMPLATES:
        return ERROR_CONTEXT
    if code in REPORT_TEMPLATES:
        return REPORT_CONTEXT
    return CONTEXT
