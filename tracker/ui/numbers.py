"""Numbers as the window shows them: in the chosen locale (``QLocale()``), tonnes with
only the decimals they have.  CSV files and the command line keep canonical forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from tracker.domain.quantities import format_price, format_tonnes_display


def tonnes(kg: int) -> str:
    """'63,000', '150.5', '0.05' (in the locale's grouping and decimal mark)."""
    locale = QLocale()
    return format_tonnes_display(kg, locale.groupSeparator(), locale.decimalPoint())


def tonnes_t(kg: int) -> str:
    """Tonnes with their unit: '63,000 t' (吨 in Chinese)."""
    return QCoreApplication.translate("Units", "{tonnes} t").format(tonnes=tonnes(kg))


# ISO 4217 currencies without minor units (others have two).
NO_MINOR_UNITS = frozenset({"JPY", "KRW", "CLP", "ISK", "VND", "XOF", "XAF", "UGX", "PYG"})


def money(cents: int, currency: str) -> str:
    """An amount in its currency's own minor units, in the locale's grouping and decimal
    mark: '44,200,000.00 USD', '1,235 JPY' (cents rounded half up to whole yen)."""
    locale = QLocale()
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    if currency.upper() in NO_MINOR_UNITS:
        whole = (cents + 50) // 100
        return f"{sign}{_grouped(whole, locale)} {currency}"
    whole, minor = divmod(cents, 100)
    return f"{sign}{_grouped(whole, locale)}{locale.decimalPoint()}{minor:02d} {currency}"


def _grouped(whole: int, locale: QLocale) -> str:
    return f"{whole:,}".replace(",", locale.groupSeparator())


def price(value: int) -> str:
    """A unit price (1/10,000 of the currency) with 2 to 4 decimals, grouped in the
    locale's way: '650.00', '1,234.5678' ('1.234,5678' in German)."""
    locale = QLocale()
    whole, _, decimals = format_price(value).partition(".")
    return f"{_grouped(int(whole), locale)}{locale.decimalPoint()}{decimals}"
