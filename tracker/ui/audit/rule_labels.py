"""The audit rules in words.  Codes stay in the ledger, the CSV files and a column."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

RULES = {
    "SERIAL_OVERLAP": QT_TRANSLATE_NOOP("Rules", "Serials overlap"),
    "OVER_RETIREMENT": QT_TRANSLATE_NOOP("Rules", "More retired than delivered"),
    "RETIRED_UNVERIFIED": QT_TRANSLATE_NOOP("Rules", "Retired before verification"),
    "RETIRED_FROM_FAILED": QT_TRANSLATE_NOOP("Rules", "Retired from a rejected delivery"),
    "RETIRED_INVALIDATED": QT_TRANSLATE_NOOP("Rules", "Retired credits were invalidated"),
    "CUMULATIVE_SHORTFALL": QT_TRANSLATE_NOOP("Rules", "Cumulative shortfall"),
    "SERIAL_QTY_MISMATCH": QT_TRANSLATE_NOOP("Rules", "Serial count differs from tonnes"),
    "RETIRED_BEFORE_DELIVERED": QT_TRANSLATE_NOOP("Rules", "Retired before delivery"),
    "VERIFIED_BEFORE_DELIVERED": QT_TRANSLATE_NOOP("Rules", "Verified before delivery"),
    "DUPLICATE_DELIVERY": QT_TRANSLATE_NOOP("Rules", "Delivery recorded twice"),
    "TRANCHES_EXCEED_CONTRACT": QT_TRANSLATE_NOOP("Rules", "Tranches exceed the contract"),
    "MISSING_SERIAL": QT_TRANSLATE_NOOP("Rules", "Serials missing"),
    "LATE_TRANCHE": QT_TRANSLATE_NOOP("Rules", "Tranche overdue"),
    "VINTAGE_MISMATCH": QT_TRANSLATE_NOOP("Rules", "Vintage differs from the tranche"),
    "VINTAGE_AGE": QT_TRANSLATE_NOOP("Rules", "Vintage too old for the claim"),
    "LATE_RETIREMENT_FOR_CLAIM": QT_TRANSLATE_NOOP("Rules", "Retired late for the claim"),
    "PRICE_ANOMALY": QT_TRANSLATE_NOOP("Rules", "Price differs from the contract"),
    "UNVERIFIED_STALE": QT_TRANSLATE_NOOP("Rules", "Unverified for too long"),
    "DELIVERY_OUTSIDE_TERM": QT_TRANSLATE_NOOP("Rules", "Delivered outside the term"),
    "MISSING_BENEFICIARY": QT_TRANSLATE_NOOP("Rules", "Beneficiary missing"),
    "OVER_DELIVERY": QT_TRANSLATE_NOOP("Rules", "More delivered than contracted"),
    "REGISTRY_MISMATCH": QT_TRANSLATE_NOOP("Rules", "Differs from the registry"),
    "MISSING_LOCALLY": QT_TRANSLATE_NOOP("Rules", "Missing in the ledger"),
    "MISSING_IN_REGISTRY": QT_TRANSLATE_NOOP("Rules", "Missing in the registry"),
}


def rule_label(code: str) -> str:
    """'Tranche overdue' for ``LATE_TRANCHE``; an unknown code is shown as it is."""
    text = RULES.get(code)
    return QCoreApplication.translate("Rules", str(text)) if text else code
