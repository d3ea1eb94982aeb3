"""Forms for contracts, tranches and deliveries."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from PySide6.QtWidgets import QWidget

from tracker.domain.dates import parse_date, parse_whole, parse_year
from tracker.domain.errors import ValidationError
from tracker.domain.identity import parse_project_ids
from tracker.domain.messages import msg
from tracker.domain.quantities import parse_price, parse_tonnes
from tracker.domain.records import contract_from_input, delivery_from_input, tranche_from_input
from tracker.domain.serials import parse_serials
from tracker.domain.vocab import BATCH_REGISTRIES, Registry, parse_currency
from tracker.store import queries
from tracker.ui import labels
from tracker.ui.dialogs.date_picker import DATE_HINT
from tracker.ui.dialogs.form import Editor, Field, RecordDialog
from tracker.ui.ledger_store import LedgerStore


def _optional(parse: object, field: str, text: str) -> None:
    if text.strip():
        parse(text, field)  # type: ignore[operator]


def contract_choices(store: LedgerStore) -> dict[str, str]:
    """Contract id (as text) -> reference, for the contract chooser of child records."""
    refs = queries.contract_references(store.db)
    return {str(i): ref for i, ref in sorted(refs.items(), key=lambda item: item[1])}


def require_contract(text: str) -> None:
    if not text:
        raise ValidationError("contract", None, msg("error.contract_first"))


def contract_field(label: str, store: LedgerStore) -> Field:
    """The contract a child record belongs to, chosen by reference."""
    return Field("contract", label, Editor.CHOICE, contract_choices(store), check=require_contract)


def date_field(key: str, label: str) -> Field:
    """A required ISO date, checked as typed."""
    return Field(key, label, placeholder=DATE_HINT, check=partial(parse_date, field=key))


def tonnes_field(label: str) -> Field:
    """Tonnes to the kilogram, right-aligned."""
    return Field("tonnes", label, check=partial(parse_tonnes, field="tonnes"), numeric=True)


def vintage_field(label: str, year_hint: str) -> Field:
    """An optional vintage year."""
    return Field(
        "vintage", label, placeholder=year_hint, check=partial(parse_year, field="vintage")
    )


class ContractDialog(RecordDialog):
    def __init__(
        self,
        store: LedgerStore,
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        editing = values is not None
        title = self.tr("Edit contract") if editing else self.tr("New contract")
        fields = [
            Field("reference", self.tr("Reference")),
            Field("buyer", self.tr("Buyer")),
            Field("supplier", self.tr("Supplier")),
            Field("project", self.tr("Project")),
            Field("method", self.tr("Method"), Editor.CHOICE, labels.method_labels()),
            Field(
                "credit_type", self.tr("Credit type"), Editor.CHOICE, labels.credit_type_labels()
            ),
            Field("registry", self.tr("Registry"), Editor.CHOICE, labels.registry_labels()),
            Field(
                "registry_project_ids",
                self.tr("Registry project ids"),
                placeholder="ACR1129; GS11603; prj_1HHYZFVGW1S044ZY",
                hint=self.tr(
                    "As the registry writes them, separated by ';': registry files are "
                    "matched to this contract by them"
                ),
                check=partial(parse_project_ids, field="registry_project_ids"),
            ),
            Field(
                "tonnes",
                self.tr("Tonnes (t)"),
                placeholder="500000",
                check=partial(parse_tonnes, field="tonnes"),
                numeric=True,
            ),
            Field(
                "price_per_tonne",
                self.tr("Price per tonne"),
                placeholder="650.00",
                hint=self.tr("In the currency below; at most 4 decimals"),
                check=partial(parse_price, field="price_per_tonne"),
                numeric=True,
            ),
            Field("currency", self.tr("Currency"), placeholder="USD", check=parse_currency),
            Field(
                "signed_on",
                self.tr("Signed on"),
                placeholder=DATE_HINT,
                check=partial(_optional, parse_date, "signed_on"),
            ),
            date_field("start_on", self.tr("Term starts")),
            date_field("end_on", self.tr("Term ends")),
            Field(
                "durability_years",
                self.tr("Durability (years)"),
                check=partial(parse_whole, field="durability_years"),
                numeric=True,
            ),
            Field("status", self.tr("Status"), Editor.CHOICE, labels.status_labels()),
            Field("notes", self.tr("Notes"), Editor.MULTILINE),
        ]
        super().__init__(title, fields, values, parent)
        if not editing:
            self.set_values({"currency": "USD", "status": "draft"})

    def check_record(self, values: dict[str, str]) -> None:
        contract_from_input(values)


class TrancheDialog(RecordDialog):
    def __init__(
        self,
        store: LedgerStore,
        contract_id: int | None,
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("Edit tranche") if values else self.tr("New tranche")
        fields = [
            contract_field(self.tr("Contract"), store),
            date_field("due_on", self.tr("Due on")),
            tonnes_field(self.tr("Tonnes (t)")),
            vintage_field(self.tr("Vintage"), self.tr("YYYY")),
            Field(
                "price_per_tonne",
                self.tr("Price per tonne"),
                hint=self.tr("In the contract's currency. Empty: the contract price"),
                check=partial(_optional, parse_price, "price_per_tonne"),
                numeric=True,
            ),
        ]
        super().__init__(title, fields, values, parent)
        fix_contract(self, contract_id, editing=values is not None)

    def check_record(self, values: dict[str, str]) -> None:
        tranche_from_input(values, 0)
        require_contract(values.get("contract", ""))


class DeliveryDialog(RecordDialog):
    def __init__(
        self,
        store: LedgerStore,
        contract_id: int | None,
        values: Mapping[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self._store = store
        title = self.tr("Edit delivery") if values else self.tr("New delivery")
        registries = {"": self.tr("The contract's registry"), **labels.registry_labels()}
        fields = [
            contract_field(self.tr("Contract"), store),
            date_field("delivered_on", self.tr("Delivered on")),
            tonnes_field(self.tr("Tonnes (t)")),
            vintage_field(self.tr("Vintage"), self.tr("YYYY")),
            Field("registry", self.tr("Registry"), Editor.CHOICE, registries),
            Field(
                "serial_block",
                self.tr("Serial block"),
                placeholder="ACR-US-1185-2025-3078-1 to 5000",
                hint=self.tr(
                    "Leave empty while the serials are still to come. Isometric and Puro "
                    "batch or certificate ids are accepted as they are."
                ),
                check=self._check_serials,
            ),
            Field(
                "verification_status",
                self.tr("Verification"),
                Editor.CHOICE,
                labels.verification_labels(),
            ),
            Field("verifier", self.tr("Verifier")),
            Field(
                "verified_on",
                self.tr("Verified on"),
                placeholder=DATE_HINT,
                check=partial(_optional, parse_date, "verified_on"),
            ),
            Field(
                "reference",
                self.tr("Transfer reference"),
                description=self.tr("The registry's transfer id for this delivery (optional)"),
            ),
            Field(
                "tranche_due_on",
                self.tr("Fills the tranche due"),
                placeholder=DATE_HINT,
                hint=self.tr("Empty: the earliest tranche still open"),
                check=partial(_optional, parse_date, "tranche_due_on"),
            ),
        ]
        super().__init__(title, fields, values, parent)
        fix_contract(self, contract_id, editing=values is not None)

    def _registry(self, values: Mapping[str, str]) -> Registry:
        """The registry the delivery is in: chosen, else the contract's."""
        chosen = values.get("registry", "")
        if chosen:
            return Registry(chosen)
        contract_id = int(values.get("contract") or 0)
        if contract_id:
            return queries.contract(self._store.db, contract_id).registry
        return Registry.OTHER

    def _check_serials(self, text: str) -> None:
        registry = self._registry(self.values())
        parse_serials(text, batches=registry in BATCH_REGISTRIES, registry=registry.value)

    def check_record(self, values: dict[str, str]) -> None:
        contract_id = int(values.get("contract") or 0)
        delivery_from_input(values, contract_id, self._registry(values))
        require_contract(values.get("contract", ""))


def fix_contract(dialog: RecordDialog, contract_id: int | None, editing: bool) -> None:
    """Preselect the contract in view; a record being edited keeps its contract."""
    if contract_id is not None:
        dialog.set_value("contract", str(contract_id))
    dialog.editors["contract"].setEnabled(not editing)
