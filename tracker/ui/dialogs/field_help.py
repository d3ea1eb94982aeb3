"""What each record-form field expects, for screen readers (its accessible description).

Given per field key, so every form that has the field (contract, tranche, delivery,
retirement, invalidation) describes it the same way; a field's own hint, or a
description given with it, takes precedence.  Date fields are described by their
calendar (:func:`tracker.ui.dialogs.date_picker.attach_calendar`).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_DESCRIPTIONS = {  # by field key
    "contract": QT_TRANSLATE_NOOP("FieldHelp", "The offtake contract this record belongs to"),
    "reference": QT_TRANSLATE_NOOP("FieldHelp", "Your own unique reference for the contract"),
    "buyer": QT_TRANSLATE_NOOP("FieldHelp", "The buying company named in the contract"),
    "supplier": QT_TRANSLATE_NOOP("FieldHelp", "The company that delivers the credits"),
    "project": QT_TRANSLATE_NOOP("FieldHelp", "The project the credits come from"),
    "method": QT_TRANSLATE_NOOP("FieldHelp", "How the project removes or avoids carbon"),
    "credit_type": QT_TRANSLATE_NOOP("FieldHelp", "Whether the credits are removals or avoidance"),
    "registry": QT_TRANSLATE_NOOP(
        "FieldHelp", "The carbon registry that issues and holds the credits"
    ),
    "currency": QT_TRANSLATE_NOOP("FieldHelp", "Three-letter currency code of the price, e.g. USD"),
    "durability_years": QT_TRANSLATE_NOOP(
        "FieldHelp", "Years the carbon stays stored, as a whole number"
    ),
    "status": QT_TRANSLATE_NOOP("FieldHelp", "Where the contract stands, from draft to completed"),
    "notes": QT_TRANSLATE_NOOP(
        "FieldHelp", "Free text for your own notes; Tab moves to the next field"
    ),
    "note": QT_TRANSLATE_NOOP(
        "FieldHelp", "Free text for your own notes; Tab moves to the next field"
    ),
    "vintage": QT_TRANSLATE_NOOP("FieldHelp", "The credits' vintage year, four digits, e.g. 2025"),
    "verification_status": QT_TRANSLATE_NOOP("FieldHelp", "Whether the credits are verified yet"),
    "verifier": QT_TRANSLATE_NOOP(
        "FieldHelp", "The validation and verification body (VVB) that verified them"
    ),
    "delivery": QT_TRANSLATE_NOOP(
        "FieldHelp", "The delivery whose credits the registry invalidated"
    ),
    "reason": QT_TRANSLATE_NOOP("FieldHelp", "Why the registry invalidated the credits"),
    "registry_reference": QT_TRANSLATE_NOOP(
        "FieldHelp", "The registry's own id for this record (optional)"
    ),
    "beneficiary": QT_TRANSLATE_NOOP(
        "FieldHelp", "The organisation in whose name the credits are retired"
    ),
    "purpose": QT_TRANSLATE_NOOP("FieldHelp", "What the retired credits are claimed for"),
}


def tonnes_description() -> str:
    return QCoreApplication.translate(
        "FieldHelp", "Tonnes of CO2e, up to three decimals (one kilogram)"
    )


def field_description(key: str) -> str:
    """The description of the field ``key`` ("" for a key without one)."""
    if key == "tonnes":
        return tonnes_description()
    text = _DESCRIPTIONS.get(key)
    return QCoreApplication.translate("FieldHelp", str(text)) if text else ""
