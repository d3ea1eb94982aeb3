"""The change log in words: field names, actions and records as people know them.

"Claim period end: 12/31/2025", "Price per tonne: none", "Changed", "Delivery of
3/1/2026, 5,000 t (TR-1)" instead of ``claim_end``, ``price: ∅``, ``update`` and
"Delivery #10", dates in the window's format.  The log itself (and its CSV export)
keeps the stored codes and ISO dates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tracker.store.change_log import LogEntry
from tracker.ui import labels, numbers
from tracker.ui.audit.rule_labels import rule_label

# Stored columns that repeat what another column already says (the serial block text).
DERIVED = frozenset({"id", "serial_prefix", "serial_start", "serial_end", "serial_template"})
# Stored columns holding a date (ISO text) or a UTC time ('…T…Z'), shown in the window's format.
DATES = frozenset(
    {
        "signed_on", "start_on", "end_on", "due_on", "delivered_on", "verified_on",
        "tranche_due_on", "retired_on", "claim_start", "claim_end", "invalidated_on",
        "acknowledged_on",
    }
)  # fmt: skip

FIELDS = {
    "reference": QT_TRANSLATE_NOOP("History", "Reference"),
    "buyer": QT_TRANSLATE_NOOP("History", "Buyer"),
    "supplier": QT_TRANSLATE_NOOP("History", "Supplier"),
    "project": QT_TRANSLATE_NOOP("History", "Project"),
    "method": QT_TRANSLATE_NOOP("History", "Method"),
    "credit_type": QT_TRANSLATE_NOOP("History", "Credit type"),
    "registry": QT_TRANSLATE_NOOP("History", "Registry"),
    "tonnes_kg": QT_TRANSLATE_NOOP("History", "Tonnes"),
    "price": QT_TRANSLATE_NOOP("History", "Price per tonne"),
    "currency": QT_TRANSLATE_NOOP("History", "Currency"),
    "signed_on": QT_TRANSLATE_NOOP("History", "Signed on"),
    "start_on": QT_TRANSLATE_NOOP("History", "Term starts"),
    "end_on": QT_TRANSLATE_NOOP("History", "Term ends"),
    "durability_years": QT_TRANSLATE_NOOP("History", "Durability (years)"),
    "status": QT_TRANSLATE_NOOP("History", "Status"),
    "notes": QT_TRANSLATE_NOOP("History", "Notes"),
    "registry_project_ids": QT_TRANSLATE_NOOP("History", "Registry project ids"),
    "contract_id": QT_TRANSLATE_NOOP("History", "Contract"),
    "due_on": QT_TRANSLATE_NOOP("History", "Due on"),
    "vintage": QT_TRANSLATE_NOOP("History", "Vintage"),
    "delivered_on": QT_TRANSLATE_NOOP("History", "Delivered on"),
    "serial_block": QT_TRANSLATE_NOOP("History", "Serial block"),
    "verification_status": QT_TRANSLATE_NOOP("History", "Verification"),
    "verifier": QT_TRANSLATE_NOOP("History", "Verifier"),
    "verified_on": QT_TRANSLATE_NOOP("History", "Verified on"),
    "tranche_due_on": QT_TRANSLATE_NOOP("History", "Fills the tranche due"),
    "delivery_id": QT_TRANSLATE_NOOP("History", "Delivery"),
    "retired_on": QT_TRANSLATE_NOOP("History", "Retired on"),
    "beneficiary": QT_TRANSLATE_NOOP("History", "Beneficiary"),
    "purpose": QT_TRANSLATE_NOOP("History", "Purpose"),
    "claim_start": QT_TRANSLATE_NOOP("History", "Claim period start"),
    "claim_end": QT_TRANSLATE_NOOP("History", "Claim period end"),
    "registry_reference": QT_TRANSLATE_NOOP("History", "Registry reference"),
    "outcome": QT_TRANSLATE_NOOP("History", "Outcome"),
    "verified_kg": QT_TRANSLATE_NOOP("History", "Verified tonnes"),
    "evidence": QT_TRANSLATE_NOOP("History", "Evidence"),
    "note": QT_TRANSLATE_NOOP("History", "Note"),
    "invalidated_on": QT_TRANSLATE_NOOP("History", "Invalidated on"),
    "reason": QT_TRANSLATE_NOOP("History", "Reason"),
    "key": QT_TRANSLATE_NOOP("History", "Setting"),
    "value": QT_TRANSLATE_NOOP("History", "Value"),
    "flag_key": QT_TRANSLATE_NOOP("History", "Flag"),
    "fingerprint": QT_TRANSLATE_NOOP("History", "Numbers behind the flag"),
    "acknowledged_by": QT_TRANSLATE_NOOP("History", "Acknowledged by"),
    "acknowledged_on": QT_TRANSLATE_NOOP("History", "Acknowledged on"),
    "migrated_from": QT_TRANSLATE_NOOP("History", "Flag as named before the upgrade"),
    "uid": QT_TRANSLATE_NOOP("History", "Global id"),
}
ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("History", "Added"),
    "update": QT_TRANSLATE_NOOP("History", "Changed"),
    "delete": QT_TRANSLATE_NOOP("History", "Deleted"),
    "baseline": QT_TRANSLATE_NOOP("History", "Recorded before the log"),
    "acknowledge": QT_TRANSLATE_NOOP("History", "Acknowledged"),
    "import": QT_TRANSLATE_NOOP("History", "Imported"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("History", text)


def field_label(key: str) -> str:
    return _t(str(FIELDS[key])) if key in FIELDS else key


def action_label(action: str) -> str:
    return _t(str(ACTIONS[action])) if action in ACTIONS else action


def _choices() -> dict[str, Mapping[str, str]]:
    verification = labels.verification_labels()
    return {
        "method": labels.method_labels(),
        "credit_type": labels.credit_type_labels(),
        "registry": labels.registry_labels(),
        "status": labels.status_labels(),
        "verification_status": verification,
        "outcome": verification,
        "purpose": labels.purpose_labels(),
        "reason": labels.invalidation_reason_labels(),
    }


class Describer:
    """Names values and records; ``contracts`` maps contract ids to references and
    ``delivery_name`` names a delivery by id (for retirements and invalidations)."""

    def __init__(
        self,
        contracts: Mapping[int, str] | None = None,
        delivery_name: Callable[[int], str | None] | None = None,
    ) -> None:
        self.contracts = contracts or {}
        self.delivery_name = delivery_name or (lambda _id: None)
        self.choices = _choices()

    def value(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return QCoreApplication.translate("History", "none")
        if isinstance(value, int) and key.endswith("_kg"):
            return numbers.tonnes_t(value)
        if isinstance(value, int) and key == "price":
            return numbers.price(value)
        if key == "contract_id" and isinstance(value, int):
            return self.contracts.get(value) or QCoreApplication.translate(
                "History", "contract no longer in the ledger"
            )
        if key == "delivery_id" and isinstance(value, int):
            return self.delivery_name(value) or QCoreApplication.translate(
                "History", "delivery no longer in the ledger"
            )
        if key == "flag_key":
            return rule_label(str(value).split("|", 1)[0])
        if key in DATES and isinstance(value, str):
            return numbers.moment(value) if "T" in value else numbers.day(value)
        if key in self.choices:
            return self.choices[key].get(str(value), str(value))
        return str(value)

    def change(self, entry: LogEntry) -> str:
        """The fields an entry changed: 'Tonnes: 100 t → 50 t; …'."""
        before, after = entry.before or {}, entry.after or {}
        joiner = QCoreApplication.translate("History", "; ")
        if entry.action == "update":
            keys = [
                k
                for k in sorted(set(before) | set(after), key=field_label)
                if before.get(k) != after.get(k) and k not in DERIVED
            ]
            changed = QCoreApplication.translate("History", "{field}: {before} → {after}")
            return joiner.join(
                changed.format(
                    field=field_label(k),
                    before=self.value(k, before.get(k)),
                    after=self.value(k, after.get(k)),
                )
                for k in keys
            )
        row = after or before
        pair = QCoreApplication.translate("History", "{field}: {value}")
        return joiner.join(
            pair.format(field=field_label(k), value=self.value(k, v))
            for k, v in sorted(row.items(), key=lambda kv: field_label(kv[0]))
            if k not in DERIVED
        )

    def record(self, table: str, row: Mapping[str, Any] | None) -> str:
        """A record by what users know: reference, date and tonnes."""
        row = row or {}
        tonnes = numbers.tonnes_t(row["tonnes_kg"]) if row.get("tonnes_kg") is not None else ""
        if table == "contracts":
            return QCoreApplication.translate("History", "Contract {ref}").format(
                ref=row.get("reference", "")
            )
        if table == "tranches":
            return QCoreApplication.translate("History", "Tranche due {date}, {tonnes}").format(
                date=numbers.day(row.get("due_on")), tonnes=tonnes
            )
        if table == "deliveries":
            text = QCoreApplication.translate("History", "Delivery of {date}, {tonnes}").format(
                date=numbers.day(row.get("delivered_on")), tonnes=tonnes
            )
            return f"{text} ({row['reference']})" if row.get("reference") else text
        if table == "retirements":
            return QCoreApplication.translate("History", "Retirement of {date}, {tonnes}").format(
                date=numbers.day(row.get("retired_on")), tonnes=tonnes
            )
        if table == "invalidations":
            return QCoreApplication.translate("History", "Invalidation of {date}, {tonnes}").format(
                date=numbers.day(row.get("invalidated_on")), tonnes=tonnes
            )
        if table == "verifications":
            return QCoreApplication.translate("History", "Verification of {date}").format(
                date=numbers.day(row.get("verified_on"))
            )
        if table == "flag_acknowledgements":
            rule = rule_label(str(row.get("flag_key", "")).split("|", 1)[0])
            return QCoreApplication.translate("History", "Acknowledgement: {rule}").format(
                rule=rule
            )
        if table == "settings":
            return QCoreApplication.translate("History", "Setting {name}").format(
                name=row.get("key", "")
            )
        return table
