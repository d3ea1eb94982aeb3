"""Translated labels for the ledger's vocabularies (codes stay as stored)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from tracker.domain.vocab import (
    INVALIDATION_REASON_LABELS,
    METHOD_LABELS,
    REGISTRY_LABELS,
    ContractStatus,
    CreditType,
    Purpose,
    VerificationStatus,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def method_labels() -> dict[str, str]:
    return {m.value: _t(label) for m, label in METHOD_LABELS.items()}


def registry_labels() -> dict[str, str]:
    return {r.value: _t(label) for r, label in REGISTRY_LABELS.items()}


def status_labels() -> dict[str, str]:
    return {
        ContractStatus.DRAFT.value: _t("Draft"),
        ContractStatus.SIGNED.value: _t("Signed"),
        ContractStatus.ACTIVE.value: _t("Active"),
        ContractStatus.COMPLETED.value: _t("Completed"),
        ContractStatus.TERMINATED.value: _t("Terminated"),
    }


def credit_type_labels() -> dict[str, str]:
    return {CreditType.REMOVAL.value: _t("Removal"), CreditType.AVOIDANCE.value: _t("Avoidance")}


def verification_labels() -> dict[str, str]:
    return {
        VerificationStatus.PENDING.value: _t("Pending"),
        VerificationStatus.VERIFIED.value: _t("Verified"),
        VerificationStatus.FAILED.value: _t("Failed (rejected)"),
    }


def tranche_status_labels() -> dict[str, str]:
    return {
        "open": _t("Open"),
        "partly delivered": _t("Partly delivered"),
        "delivered": _t("Delivered"),
        "delivered late": _t("Delivered late"),
        "overdue": _t("Overdue"),
    }


def invalidation_reason_labels() -> dict[str, str]:
    return {reason.value: _t(label) for reason, label in INVALIDATION_REASON_LABELS.items()}


def purpose_labels() -> dict[str, str]:
    return {
        Purpose.CORPORATE_TARGET.value: _t("Corporate target"),
        Purpose.PUBLIC_CLAIM.value: _t("Public claim"),
        Purpose.INSETTING.value: _t("Insetting"),
        Purpose.REGULATORY.value: _t("Regulatory"),
        Purpose.OTHER.value: _t("Other"),
    }
