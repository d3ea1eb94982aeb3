"""The English templates of why a value is refused (``ValidationError`` reasons).

A reason follows the field's name: "tonnes '0': must be greater than zero".  Marked
for ``pyside6-lupdate`` in context ``Errors`` (see ``tracker.domain.translation_marks``);
the command line words them in English, the window in its language.  Other fields
named in a reason are written as their column names (``start_on``): the form puts
their labels in their place.
"""

from __future__ import annotations

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
}
