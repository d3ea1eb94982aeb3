"""Text as data: a message is a code and typed parameters, worded at display time.

A flag (or any finding) carries a :class:`Message`; the sentence is produced by
:func:`render` from the English template in :mod:`tracker.domain.message_catalogue`,
in the language and number format of whoever shows it.  The command line and CSV
reports render with the defaults below (English, canonical numbers); the window
passes Qt's translation and its locale's formatters (``tracker.ui.messages``).

Parameters are values, never pre-worded English: tonnes in kg (:class:`Tonnes`), ISO
dates (:class:`Day`), UTC times (:class:`Moment`), counts (:class:`Count`,
:class:`Number`), money and prices, stored
columns (:class:`Field`), or record names (``str``).  A
parameter may itself be a message (a clause worded on its own).  The parameter
named ``n`` is the count that chooses a plural form (``%n`` / ``%Ln`` and ``(s)`` in
the template, as Qt's plural messages are written).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType

from tracker.domain.message_catalogue import TEMPLATES, context_of

PLURAL = "n"  # the parameter that picks the plural form


@dataclass(frozen=True, slots=True)
class Tonnes:
    kg: int


@dataclass(frozen=True, slots=True)
class Count:
    """A number of things, grouped for reading ('1,234'); plain ``int`` is a label-like
    number shown as it is (a year, a vintage, a row number, a limit)."""

    n: int


@dataclass(frozen=True, slots=True)
class Number:
    """A number of things that the command line prints as it always has, ungrouped
    ('1234': the health reports of ``check-db`` and ``verify-log``); the window groups it
    as its locale does ('1,234')."""

    n: int


@dataclass(frozen=True, slots=True)
class Day:
    iso: str

    def __post_init__(self) -> None:
        # a portfolio's flags name a few thousand days a hundred thousand times: one text each
        if type(self.iso) is str:
            object.__setattr__(self, "iso", sys.intern(self.iso))


@dataclass(frozen=True, slots=True)
class Money:
    cents: int
    currency: str


@dataclass(frozen=True, slots=True)
class Price:
    """A unit price in 1/10,000 of the currency (the currency is a separate parameter)."""

    value: int


@dataclass(frozen=True, slots=True)
class Percent:
    """``part / whole`` as a percentage with one decimal ('∞' when ``whole`` is 0)."""

    part: int
    whole: int


@dataclass(frozen=True, slots=True)
class Field:
    """A stored column named in a message: its column name (``tonnes_kg``) on the command
    line, its label ("Tonnes", in the reader's language) in the window."""

    name: str


@dataclass(frozen=True, slots=True)
class Moment:
    """A UTC time as the log and lock files write it ('2026-11-29T01:26:51Z'): as it is
    on the command line, in the window's date format there."""

    stamp: str


_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple per set of names


class Message(tuple):  # type: ignore[type-arg]
    """A code and its parameters, worded at display time.  Immutable.

    Held compactly: a portfolio's flags carry hundreds of thousands of messages, so a
    message is one tuple — its code, a tuple of parameter names shared by every message
    with the same names, then the values — not an object holding a tuple of its own
    (about 50 bytes less per message, a pair of them per flag).  It is not a sequence to
    its users: it is read through ``code``, ``params`` and ``get``, and equals only a
    message."""

    __slots__ = ()

    def __new__(cls, code: str, params: Iterable[tuple[str, object]] = ()) -> Message:
        if code not in TEMPLATES:
            raise KeyError(f"no template for message code {code!r}")
        pairs = tuple(params)
        names = tuple(name for name, _value in pairs)
        shared = _NAMES.setdefault(names, names)
        return tuple.__new__(cls, (code, shared, *(value for _name, value in pairs)))

    @property
    def code(self) -> str:
        code: str = tuple.__getitem__(self, 0)
        return code

    @property
    def _names(self) -> tuple[str, ...]:
        names: tuple[str, ...] = tuple.__getitem__(self, 1)
        return names

    @property
    def _values(self) -> tuple[object, ...]:
        return tuple.__getitem__(self, slice(2, None))

    @property
    def params(self) -> tuple[tuple[str, object], ...]:
        return tuple(zip(self._names, self._values, strict=True))

    def get(self, name: str) -> object:
        return dict(self.params).get(name)

    def __iter__(self) -> Iterator[object]:
        raise TypeError("a Message is read through its code and params, not iterated")

    def __getitem__(self, index: object) -> object:  # type: ignore[override]
        raise TypeError("a Message is read through its code and params, not indexed")

    def __len__(self) -> int:
        raise TypeError("a Message is read through its code and params, not measured")

    # a plain tuple would compare its items with a message's (and win, reflected): never
    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and tuple.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    def __hash__(self) -> int:
        return tuple.__hash__(self)

    def __bool__(self) -> bool:
        return True

    def __reduce__(self) -> tuple[type[Message], tuple[str, tuple[tuple[str, object], ...]]]:
        return Message, (self.code, self.params)  # copied and pickled as it is built

    def __repr__(self) -> str:
        return f"Message(code={self.code!r}, params={self.params!r})"


def msg(code: str, **params: object) -> Message:
    """``msg("flag.late_tranche", due=Day("2026-02-28"), n=3)``.

    The same message as ``Message(code, params.items())``, built without the pairs: the
    rules make two for each of a hundred thousand flags."""
    if code not in TEMPLATES:
        raise KeyError(f"no template for message code {code!r}")
    names = tuple(params)
    shared = _NAMES.get(names) or _NAMES.setdefault(names, names)
    return tuple.__new__(Message, (code, shared, *params.values()))


@dataclass(frozen=True, slots=True)
class Formatters:
    tonnes: Callable[[int], str]
    count: Callable[[int], str]
    day: Callable[[str], str]
    money: Callable[[int, str], str]
    price: Callable[[int], str]
    percent: Callable[[int, int], str]
    field: Callable[[str], str] = str
    moment: Callable[[str], str] = str
    number: Callable[[int], str] = str


def _q() -> ModuleType:
    """``tracker.domain.quantities``, which refuses values with messages of this module:
    imported when a message is worded, not when this module is."""
    from tracker.domain import quantities

    return quantities


def _english_percent(part: int, whole: int) -> str:
    return str(_q().percent_one_decimal(part, whole)) or "∞"


ENGLISH = Formatters(
    tonnes=lambda kg: f"{_q().format_tonnes_grouped(kg)} t",
    count=lambda n: f"{n:,}",
    day=lambda iso: iso,
    money=lambda cents, currency: f"{_q().format_cents(cents, grouped=True)} {currency}",
    price=lambda value: str(_q().format_price(value)),
    percent=_english_percent,
)

# (context, template, plural count or None) -> the template in the reader's language,
# with the count put in for %n / %Ln and the plural form chosen.
Translate = Callable[[str, str, int | None], str]


def english(context: str, template: str, n: int | None) -> str:
    """The English template as it is, its plural form chosen as Qt's English file does
    ('row(s)' -> 'row' / 'rows')."""
    if n is None:
        return template
    text = template.replace("(s)", "" if n == 1 else "s")
    return text.replace("%Ln", f"{n:,}").replace("%n", str(n))


def render(
    message: Message, translate: Translate = english, formatters: Formatters = ENGLISH
) -> str:
    """The message as a sentence: its template translated, its parameters formatted."""
    params = dict(message.params)
    count = params.pop(PLURAL, None)
    n = count.n if isinstance(count, Count) else count
    assert n is None or isinstance(n, int)
    text = translate(context_of(message.code), TEMPLATES[message.code], n)
    return text.format(**{k: _format(v, translate, formatters) for k, v in params.items()})


def _format(value: object, translate: Translate, formatters: Formatters) -> str:
    if isinstance(value, Message):
        return render(value, translate, formatters)
    if isinstance(value, Tonnes):
        return formatters.tonnes(value.kg)
    if isinstance(value, Count):
        return formatters.count(value.n)
    if isinstance(value, Number):
        return formatters.number(value.n)
    if isinstance(value, Day):
        return formatters.day(value.iso)
    if isinstance(value, Money):
        return formatters.money(value.cents, value.currency)
    if isinstance(value, Price):
        return formatters.price(value.value)
    if isinstance(value, Percent):
        return formatters.percent(value.part, value.whole)
    if isinstance(value, Field):
        return formatters.field(value.name)
    if isinstance(value, Moment):
        return formatters.moment(value.stamp)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"a message parameter cannot be {type(value).__name__}: {value!r}")
    return str(value)
