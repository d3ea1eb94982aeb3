"""Translated labels for the ledger's vocabularies (codes stay as stored)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from tracker.domain.vocab import (
    INVALIDATION_REASON_LABELS,
    METHOD_LABELS,
    REGISTRY_LABELS,
    ContractStatus,
    CreditType,
    Purpose,
    VerificationStatus,
)

# The domain's own labels (tracker.domain.vocab), marked here for pyside6-lupdate: the
# domain layer knows no Qt.  tests/ui/test_i18n.py checks that none is missing.
DOMAIN_LABELS = (
    QT_TRANSLATE_NOOP("Vocabulary", "Direct air capture (DAC)"),
    QT_TRANSLATE_NOOP("Vocabulary", "BECCS"),
    QT_TRANSLATE_NOOP("Vocabulary", "Biochar"),
    QT_TRANSLATE_NOOP("Vocabulary", "Enhanced weathering"),
    QT_TRANSLATE_NOOP("Vocabulary", "Mineralisation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Ocean alkalinity enhancement"),
    QT_TRANSLATE_NOOP("Vocabulary", "Biomass burial"),
    QT_TRANSLATE_NOOP("Vocabulary", "Soil carbon"),
    QT_TRANSLATE_NOOP("Vocabulary", "Reforestation / ARR"),
    QT_TRANSLATE_NOOP("Vocabulary", "Avoided deforestation (REDD+)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Cookstoves"),
    QT_TRANSLATE_NOOP("Vocabulary", "Methane capture"),
    QT_TRANSLATE_NOOP("Vocabulary", "Industrial gas destruction"),
    QT_TRANSLATE_NOOP("Vocabulary", "Renewable energy"),
    QT_TRANSLATE_NOOP("Vocabulary", "Other"),
    QT_TRANSLATE_NOOP("Vocabulary", "Verra (VCS)"),
    QT_TRANSLATE_NOOP("Vocabulary", "Gold Standard"),
    QT_TRANSLATE_NOOP("Vocabulary", "American Carbon Registry"),
    QT_TRANSLATE_NOOP("Vocabulary", "Climate Action Reserve"),
    QT_TRANSLATE_NOOP("Vocabulary", "ART TREES"),
    QT_TRANSLATE_NOOP("Vocabulary", "Isometric"),
    QT_TRANSLATE_NOOP("Vocabulary", "Puro.earth"),
    QT_TRANSLATE_NOOP("Vocabulary", "Reversal"),
    QT_TRANSLATE_NOOP("Vocabulary", "Registry cancellation"),
    QT_TRANSLATE_NOOP("Vocabulary", "Buffer contribution"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Vocabulary", text)


def method_labels() -> dict[str, str]:
    return {m.value: _t(label) for m, label in METHOD_LABELS.items()}


def registry_labels() -> dict[str, str]:
    return {r.value: _t(label) for r, label in REGISTRY_LABELS.items()}


def status_labels() -> dict[str, str]:
    return {
        ContractStatus.DRAFT.value: QCoreApplication.translate("Vocabulary", "Draft"),
        ContractStatus.SIGNED.value: QCoreApplication.translate("Vocabulary", "Signed"),
        ContractStatus.ACTIVE.value: QCoreApplication.translate("Vocabulary", "Active"),
        ContractStatus.COMPLETED.value: QCoreApplication.translate("Vocabulary", "Completed"),
        ContractStatus.TERMINATED.value: QCoreApplication.translate("Vocabulary", "Terminated"),
    }


def credit_type_labels() -> dict[str, str]:
    return {
        CreditType.REMOVAL.value: QCoreApplication.translate("Vocabulary", "Removal"),
        CreditType.AVOIDANCE.value: QCoreApplication.translate("Vocabulary", "Avoidance"),
    }


def verification_labels() -> dict[str, str]:
    return {
        VerificationStatus.PENDING.value: QCoreApplication.translate("Vocabulary", "Pending"),
        VerificationStatus.VERIFIED.value: QCoreApplication.translate("Vocabulary", "Verified"),
        VerificationStatus.FAILED.value: QCoreApplication.translate(
            "Vocabulary", "Failed (rejected)"
        ),
    }


def tranche_status_labels() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Vocabulary", "Open"),
        "partly delivered": QCoreApplication.translate("Vocabulary", "Partly delivered"),
        "delivered": QCoreApplication.translate("Vocabulary", "Delivered"),
        "delivered late": QCoreApplication.translate("Vocabulary", "Delivered late"),
        "overdue": QCoreApplication.translate("Vocabulary", "Overdue"),
    }


def invalidation_reason_labels() -> dict[str, str]:
    return {reason.value: _t(label) for reason, label in INVALIDATION_REASON_LABELS.items()}


def purpose_labels() -> dict[str, str]:
    return {
        Purpose.CORPORATE_TARGET.value: QCoreApplication.translate(
            "Vocabulary", "Corporate target"
        ),
        Purpose.PUBLIC_CLAIM.value: QCoreApplication.translate("Vocabulary", "Public claim"),
        Purpose.INSETTING.value: QCoreApplication.translate("Vocabulary", "Insetting"),
        Purpose.REGULATORY.value: QCoreApplication.translate("Vocabulary", "Regulatory"),
        Purpose.OTHER.value: QCoreApplication.translate("Vocabulary", "Other"),
    }
