"""Numbers as the window shows them: in the chosen locale (``QLocale()``), tonnes with
only the decimals they have.  CSV files and the command line keep canonical forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from tracker.domain.quantities import format_tonnes_display


def tonnes(kg: int) -> str:
    """'63,000', '150.5', '0.05' (in the locale's grouping and decimal mark)."""
    locale = QLocale()
    return format_tonnes_display(kg, locale.groupSeparator(), locale.decimalPoint())


def tonnes_t(kg: int) -> str:
    """Tonnes with their unit: '63,000 t' (吨 in Chinese)."""
    return QCoreApplication.translate("Units", "{tonnes} t").format(tonnes=tonnes(kg))
