"""The English templates of why a value is refused (``ValidationError`` reasons).

A reason follows the field's name: "tonnes '0': must be greater than zero".  Marked
for ``pyside6-lupdate`` in context ``Errors`` (see ``tracker.domain.translation_marks``);
the command line words them in English, the window in its language.  Other fields
named in a reason are written as their column names (``start_on``): the form puts
their labels in their place.
"""

from __future__ import annotations

from tracker.domain.error_catalogue_files import FILE_ERROR_TEMPLATES
from tracker.domain.error_catalogue_ledger import LEDGER_ERROR_TEMPLATES
from tracker.domain.error_catalogue_store import STORE_ERROR_TEMPLATES
from tracker.domain.translation_marks import QT_TRANSLATE_NOOP, translate

ERROR_CONTEXT = "Errors"

ERROR_TEMPLATES: dict[str, str] = {
    # --- any value -------------------------------------------------------------------
    "error.required": QT_TRANSLATE_NOOP("Errors", "is required"),
    "error.nul": QT_TRANSLATE_NOOP("Errors", "contains a NUL character"),
    "error.too_long": QT_TRANSLATE_NOOP("Errors", "is longer than {limit} characters"),
    # --- numbers ---------------------------------------------------------------------
    "error.not_a_number": QT_TRANSLATE_NOOP("Errors", "is not a number"),
    "error.not_plain_number": QT_TRANSLATE_NOOP(
        "Errors", "is not a plain number (digits with an optional '.' decimal point)"
    ),
    "error.tonnes_precision": QT_TRANSLATE_NOOP(
        "Errors", "has more precision than 0.001 t (one kilogram)"
    ),
    "error.not_positive": QT_TRANSLATE_NOOP("Errors", "must be greater than zero"),
    "error.tonnes_too_large": QT_TRANSLATE_NOOP(
        "Errors", "is more than 1,000,000,000 t (one gigatonne)"
    ),
    "error.price_decimals": QT_TRANSLATE_NOOP("Errors", "has more than 4 decimal places"),
    "error.negative": QT_TRANSLATE_NOOP("Errors", "must not be negative"),
    "error.price_too_large": QT_TRANSLATE_NOOP("Errors", "is more than 1,000,000 per tonne"),
    "error.not_whole_number": QT_TRANSLATE_NOOP(
        "Errors", "is not a whole number of at least {minimum}"
    ),
    # --- dates -----------------------------------------------------------------------
    "error.date_required": QT_TRANSLATE_NOOP("Errors", "is required (a date as YYYY-MM-DD)"),
    "error.not_a_date": QT_TRANSLATE_NOOP("Errors", "is not a valid date as YYYY-MM-DD"),
    "error.year_required": QT_TRANSLATE_NOOP("Errors", "is required (a year such as 2025)"),
    "error.not_a_year": QT_TRANSLATE_NOOP("Errors", "is not a year between 1900 and 2200"),
    "error.end_before_start": QT_TRANSLATE_NOOP("Errors", "is before start_on {start}"),
    "error.signed_after_end": QT_TRANSLATE_NOOP("Errors", "is after end_on {end}"),
    "error.claim_end_before_start": QT_TRANSLATE_NOOP("Errors", "is before claim_start {start}"),
    "error.before_delivery": QT_TRANSLATE_NOOP("Errors", "is before the delivery date {day}"),
    "error.verified_but_pending": QT_TRANSLATE_NOOP(
        "Errors", "is set but verification_status is pending"
    ),
    "error.required_for_outcome": QT_TRANSLATE_NOOP(
        "Errors", "is required when the outcome is {outcome}"
    ),
    "error.more_than_delivered": QT_TRANSLATE_NOOP("Errors", "is more than the {tonnes} delivered"),
    # --- choices and names -----------------------------------------------------------
    "error.choice_required": QT_TRANSLATE_NOOP("Errors", "is required; one of: {allowed}"),
    "error.not_a_choice": QT_TRANSLATE_NOOP("Errors", "is not one of: {allowed}"),
    "error.currency_required": QT_TRANSLATE_NOOP(
        "Errors", "is required (an ISO 4217 code such as USD)"
    ),
    "error.not_a_currency": QT_TRANSLATE_NOOP(
        "Errors", "is not an ISO 4217 currency code (e.g. USD, EUR)"
    ),
    "error.project_id_too_long": QT_TRANSLATE_NOOP(
        "Errors", "has a project id longer than {limit}"
    ),
    "error.too_many_ids": QT_TRANSLATE_NOOP("Errors", "lists more than {limit} ids"),
    "error.name_too_long": QT_TRANSLATE_NOOP("Errors", "has a name longer than {limit}"),
    "error.name_without_letters": QT_TRANSLATE_NOOP(
        "Errors", "has a name without letters or digits"
    ),
    # --- serial numbers --------------------------------------------------------------
    "error.unreadable_serials": QT_TRANSLATE_NOOP(
        "Errors",
        "is not a serial block this tracker can read (expected e.g. "
        "'ACR-US-1185-2025-3078-1 to 5000', 'GS1-1-KE-GS11603-16-2025-30256-110-5463', "
        "a Verra, Isometric or Puro serial number)",
    ),
    "error.batch_not_a_range": QT_TRANSLATE_NOOP(
        "Errors",
        "is not a serial block this tracker can read: {registry} serials always carry a "
        "range (e.g. 'ACR-US-1185-2025-3078-1 to 5000'); only Isometric, Puro and other "
        "registries name batches by one id",
    ),
    "error.batch_not_a_range_here": QT_TRANSLATE_NOOP(
        "Errors",
        "is not a serial block this tracker can read: serials of this registry always "
        "carry a range (e.g. 'ACR-US-1185-2025-3078-1 to 5000'); only Isometric, Puro and "
        "other registries name batches by one id",
    ),
    "error.serial_below_one": QT_TRANSLATE_NOOP("Errors", "must start at serial 1 or above"),
    "error.serial_ends_before_start": QT_TRANSLATE_NOOP(
        "Errors", "ends ({end}) before it starts ({start})"
    ),
    "error.serial_too_large": QT_TRANSLATE_NOOP(
        "Errors", "has a serial number beyond what the ledger can hold"
    ),
    "error.whole_tonnes": QT_TRANSLATE_NOOP(
        "Errors", "must be whole tonnes: {registry} serials count tonnes"
    ),
    "error.serials_not_tonnes": translate(
        "Errors", "holds %Ln serial(s) ({count} t) but tonnes is {tonnes}", None, 2
    ),
    "error.serials_not_kilograms": translate(
        "Errors", "holds %Ln serial(s) ({count} kg) but tonnes is {tonnes}", None, 2
    ),
    "error.outside_delivery_block": QT_TRANSLATE_NOOP(
        "Errors", "is not inside the delivery's serial block {block}"
    ),
    "error.outside_pending_delivery": QT_TRANSLATE_NOOP(
        "Errors", "is not inside the delivery's serial block (serials pending)"
    ),
    # --- against the ledger (services) ------------------------------------------------
    "error.contract_reference_required": QT_TRANSLATE_NOOP(
        "Errors", "is required (a contract reference)"
    ),
    "error.unknown_contract": QT_TRANSLATE_NOOP("Errors", "is not a known contract reference"),
    "error.reference_taken": QT_TRANSLATE_NOOP("Errors", "is already used by another contract"),
    "error.bad_uid": QT_TRANSLATE_NOOP(
        "Errors", "is not a global id (a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)"
    ),
    "error.uid_taken": QT_TRANSLATE_NOOP(
        "Errors", "is already the global id of a different record in the ledger"
    ),
    "error.uid_repeated": QT_TRANSLATE_NOOP(
        "Errors", "is also the global id of a different row of the file (row {row})"
    ),
    "error.less_than_scheduled": QT_TRANSLATE_NOOP(
        "Errors", "is less than the {tonnes} already scheduled in its tranches"
    ),
    "error.tranche_outside_term": QT_TRANSLATE_NOOP(
        "Errors", "would leave the tranche due {due} outside the term"
    ),
    "error.due_outside_term": QT_TRANSLATE_NOOP(
        "Errors", "is outside the contract term {start} to {end}"
    ),
    "error.more_than_contract": QT_TRANSLATE_NOOP(
        "Errors",
        "would schedule more than the contract's {contracted} (only {room} left unscheduled)",
    ),
    "error.overlaps_delivered": QT_TRANSLATE_NOOP(
        "Errors", "overlaps '{block}', already delivered under contract {contract}"
    ),
    "error.same_batch_delivered": QT_TRANSLATE_NOOP(
        "Errors", "is the batch '{block}', already delivered under contract {contract}"
    ),
    "error.not_a_tranche_due_date": QT_TRANSLATE_NOOP(
        "Errors", "is not the due date of a tranche of {contract} (tranches due: {due})"
    ),
    "error.less_than_retired": QT_TRANSLATE_NOOP(
        "Errors", "is less than the {tonnes} already retired from this delivery"
    ),
    "error.less_than_retired_or_invalidated": QT_TRANSLATE_NOOP(
        "Errors", "is less than the {tonnes} already retired or invalidated from this delivery"
    ),
    "error.no_longer_holds_invalidated": QT_TRANSLATE_NOOP(
        "Errors", "no longer contains '{block}', invalidated on {day}"
    ),
    "error.no_longer_holds_retired": QT_TRANSLATE_NOOP(
        "Errors", "no longer contains '{block}', retired on {day}"
    ),
    "error.retired_not_whole_serials": QT_TRANSLATE_NOOP(
        "Errors",
        "counts whole tonnes, but {tonnes} retired on {day} is not a whole number of serials",
    ),
    "error.rejected_delivery": QT_TRANSLATE_NOOP(
        "Errors",
        "lies in delivery '{delivery}', which was rejected: its verification failed, so its "
        "credits cannot be retired",
    ),
    "error.rejected_delivery_by": QT_TRANSLATE_NOOP(
        "Errors",
        "lies in delivery '{delivery}', which was rejected: its verification failed by "
        "{verifier}, so its credits cannot be retired",
    ),
    "error.rejected_delivery_on": QT_TRANSLATE_NOOP(
        "Errors",
        "lies in delivery '{delivery}', which was rejected: its verification failed on {day}, "
        "so its credits cannot be retired",
    ),
    "error.rejected_delivery_by_on": QT_TRANSLATE_NOOP(
        "Errors",
        "lies in delivery '{delivery}', which was rejected: its verification failed by "
        "{verifier} on {day}, so its credits cannot be retired",
    ),
    "error.block_of_other_contract": QT_TRANSLATE_NOOP(
        "Errors", "belongs to contract {other}, not {contract}"
    ),
    "error.outside_every_delivery": QT_TRANSLATE_NOOP(
        "Errors", "is outside every delivery of contract {contract}"
    ),
    "error.more_than_delivery_holds": QT_TRANSLATE_NOOP(
        "Errors", "is more than the {tonnes} delivery '{block}' still holds"
    ),
    "error.overlaps_retired": QT_TRANSLATE_NOOP(
        "Errors", "overlaps '{block}', already retired on {day}"
    ),
    "error.overlaps_invalidated_by_registry": QT_TRANSLATE_NOOP(
        "Errors", "overlaps '{block}', invalidated by the registry"
    ),
    "error.short_verified": QT_TRANSLATE_NOOP(
        "Errors",
        "is more than the {free} of {contract} verified by then ({day}) and not yet retired",
    ),
    "error.short_delivered": QT_TRANSLATE_NOOP(
        "Errors",
        "is more than the {free} of {contract} delivered by then ({day}) and not yet retired",
    ),
    "error.short_verified_later": QT_TRANSLATE_NOOP(
        "Errors",
        "is more than the {free} of {contract} verified by then ({day}) and not yet retired; "
        "another {later} is delivered later or not yet verified",
    ),
    "error.short_delivered_later": QT_TRANSLATE_NOOP(
        "Errors",
        "is more than the {free} of {contract} delivered by then ({day}) and not yet retired; "
        "another {later} is delivered later or not yet verified",
    ),
    "error.retire_whole_tonnes": QT_TRANSLATE_NOOP(
        "Errors", "must be whole tonnes: {registries} serial numbers count whole tonnes"
    ),
    "error.block_required_for_new_tonnes": QT_TRANSLATE_NOOP(
        "Errors", "is required when the retired tonnes change"
    ),
    "error.block_required_for_draw": QT_TRANSLATE_NOOP(
        "Errors", "is required when drawing from a block"
    ),
    "error.delivery_named_required": QT_TRANSLATE_NOOP(
        "Errors", "is required: give its serial block or reference"
    ),
    "error.not_a_delivery_of": QT_TRANSLATE_NOOP(
        "Errors", "is neither the serial block nor the reference of a delivery of {contract}"
    ),
    "error.delivery_was_rejected": QT_TRANSLATE_NOOP(
        "Errors", "was rejected (its verification failed): it already counts for nothing"
    ),
    "error.more_than_not_invalidated": QT_TRANSLATE_NOOP(
        "Errors", "is more than the {tonnes} of this delivery not yet invalidated"
    ),
    "error.overlaps_invalidated": QT_TRANSLATE_NOOP(
        "Errors", "overlaps '{block}', already invalidated on {day}"
    ),
    "error.delivery_first": QT_TRANSLATE_NOOP("Errors", "is required: record the delivery first"),
    "error.contract_first": QT_TRANSLATE_NOOP("Errors", "is required: add a contract first"),
    "error.reason_required": QT_TRANSLATE_NOOP(
        "Errors", "is required: say why this flag is accepted"
    ),
    "error.at_most": QT_TRANSLATE_NOOP("Errors", "must be at most {limit}"),
    "error.number_too_large": QT_TRANSLATE_NOOP(
        "Errors", "is beyond the largest number the ledger can hold"
    ),
    # files: what reading and importing them refuses (error_catalogue_files.py)
    **FILE_ERROR_TEMPLATES,
    # the ledger: records gone or changed, busy, read-only, full (error_catalogue_ledger.py)
    **LEDGER_ERROR_TEMPLATES,
    # ledger files: not a ledger, damaged, locked, not copied, overwritten (…_store.py)
    **STORE_ERROR_TEMPLATES,
}
