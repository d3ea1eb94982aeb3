"""Registry serial blocks: a prefix plus an inclusive integer range.

Formats (shared/reference/domain.md §4):

* ACR / CAR / ART: ``ACR-FR-1129-2025-2917-30932 to 35143``
* Gold Standard:   ``GS1-1-KE-GS11603-16-2025-30256-110-5463`` (last two fields)
* Verra:           ``19385-941467007-941467431-VCS-VCU-…-1`` (fields 2 and 3)
* Isometric:       ``ISO-1-BSTORE-GBR-F5X7-2024-78177-81177`` (last two fields)
* Puro:            ``PURO_PR_CORC100+_FI_577166_2020_<issuance>_1-100``
* First and last serial written out in full (older Gold Standard / CDM credits):
  ``RW-5-1463953-2-2-0-7014 - RW-5-1467609-2-2-0-7014`` (the one field that differs)

Some registries name credits by one identifier instead of a range: an Isometric
credit batch (``cb_01J…``, counted in kilograms) or a Puro certificate.  Such a
``CreditBatch`` is indivisible: two are the same credits when their identifiers are
equal, and retirements draw from it by quantity.  A delivery whose serials are still
to come has no block at all (``None``).

A block keeps a ``template`` with ``{start}``/``{end}`` placeholders so a
sub-block (what a retirement draws) is written in the registry's own format.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg


@dataclass(frozen=True, slots=True)
class SerialBlock:
    prefix: str
    start: int
    end: int
    template: str

    @property
    def size(self) -> int:
        return self.end - self.start + 1

    @property
    def text(self) -> str:
        return self.render(self.start, self.end)

    def render(self, start: int, end: int) -> str:
        return self.template.replace("{start}", str(start)).replace("{end}", str(end))

    def sub_block(self, start: int, end: int) -> SerialBlock:
        if not (self.start <= start <= end <= self.end):
            raise ValueError(f"{start}-{end} is outside {self.start}-{self.end}")
        return SerialBlock(self.prefix, start, end, self.template)

    def contains(self, other: Serials) -> bool:
        """Whether ``other`` lies inside this range (a batch id never does)."""
        if not isinstance(other, SerialBlock):
            return False
        return self.prefix == other.prefix and self.start <= other.start <= other.end <= self.end

    def overlaps(self, other: Serials) -> bool:
        """Whether ``other`` shares a serial with this range (a batch id never does)."""
        if not isinstance(other, SerialBlock):
            return False
        return self.prefix == other.prefix and self.start <= other.end and other.start <= self.end


@dataclass(frozen=True, slots=True)
class CreditBatch:
    """Credits a registry names by one identifier, with no serial range."""

    ident: str

    @property
    def text(self) -> str:
        return self.ident

    def contains(self, other: Serials) -> bool:
        return isinstance(other, CreditBatch) and other.ident == self.ident

    def overlaps(self, other: Serials) -> bool:
        return self.contains(other)


Serials = SerialBlock | CreditBatch


class SerialCover:
    """Whether a block overlaps any of many others, in one lookup per question: their
    ranges merged per prefix and kept in order, their batch ids in a set.  The same
    answer as asking each block's ``overlaps`` in turn, which for every block of a
    reconciled file against every ledger record was quadratic.  A range never overlaps
    a batch id, nor a batch id a range."""

    def __init__(self, blocks: Iterable[Serials]) -> None:
        spans: dict[str, list[tuple[int, int]]] = {}
        self._batches: set[str] = set()
        for block in blocks:
            if isinstance(block, SerialBlock):
                spans.setdefault(block.prefix, []).append((block.start, block.end))
            else:
                self._batches.add(block.ident)
        self._starts: dict[str, list[int]] = {}
        self._ends: dict[str, list[int]] = {}
        for prefix, ranges in spans.items():
            starts, ends = self._starts.setdefault(prefix, []), self._ends.setdefault(prefix, [])
            for start, end in sorted(ranges):
                if ends and start <= ends[-1] + 1:
                    ends[-1] = max(ends[-1], end)  # overlapping or adjacent: one range
                else:
                    starts.append(start)
                    ends.append(end)

    def overlaps(self, block: Serials) -> bool:
        if isinstance(block, CreditBatch):
            return block.ident in self._batches
        ends = self._ends.get(block.prefix)
        if ends is None:
            return False
        first = bisect_left(ends, block.start)  # the first range ending at or after it
        return first < len(ends) and self._starts[block.prefix][first] <= block.end


def serials_text(serials: Serials | None) -> str:
    """The serials as the registry writes them; '' while they are still to come."""
    return "" if serials is None else serials.text


_BATCH_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_+.:/-]{2,119}$")

_TO_RANGE = re.compile(r"^(?P<prefix>.+?)-(?P<start>\d+)\s+to\s+(?P<end>\d+)$", re.IGNORECASE)
_VERRA = re.compile(r"^(?P<batch>\d+)-(?P<start>\d+)-(?P<end>\d+)-(?P<rest>[A-Z].*)$")
_PURO = re.compile(r"^(?P<prefix>PURO_.+)_(?P<start>\d+)-(?P<end>\d+)$", re.IGNORECASE)
_FULL_RANGE = re.compile(r"^(?P<first>[A-Za-z][\w+.-]*)\s+-\s+(?P<last>[A-Za-z][\w+.-]*)$")
_DASHED = re.compile(r"^(?P<prefix>[A-Za-z][\w+.]*(?:-[\w+.]+)*?)-(?P<start>\d+)-(?P<end>\d+)$")


MAX_SERIAL = 2**63 - 1  # the largest INTEGER SQLite stores


def parse_serials(
    text: object, *, batches: bool, field: str = "serial_block", registry: str = ""
) -> Serials | None:
    """A serial range, a batch id (where ``batches`` allows one), or None when empty.

    Empty means the serials are still to come.  A single identifier that is not a
    range (``cb_01J…``) is a ``CreditBatch`` for registries that name batches; for the
    others it is refused, because their credits always carry a range.
    """
    raw = " ".join(str(text or "").split())
    if not raw:
        return None
    if (block := _match(raw)) is not None:
        return _checked(block, raw, field)
    if _BATCH_ID.match(raw):
        if batches:
            return CreditBatch(raw)
        reason = (
            msg("error.batch_not_a_range", registry=registry)
            if registry
            else msg("error.batch_not_a_range_here")
        )
        raise ValidationError(field, text, reason)
    raise ValidationError(field, text, msg("error.unreadable_serials"))


def parse_serial_block(text: object, field: str = "serial_block") -> SerialBlock:
    """Parse a registry serial block, or raise a ValidationError naming ``field``."""
    raw = " ".join(str(text or "").split())
    if not raw:
        raise ValidationError(field, text, msg("error.required"))
    block = _match(raw)
    if block is None:
        raise ValidationError(field, text, msg("error.unreadable_serials"))
    return _checked(block, text, field)


def _checked(block: SerialBlock, text: object, field: str) -> SerialBlock:
    """``block`` read from ``text``, refused when its numbers cannot be a range."""
    if block.start <= 0:
        raise ValidationError(field, text, msg("error.serial_below_one"))
    if block.end < block.start:
        raise ValidationError(
            field, text, msg("error.serial_ends_before_start", end=block.end, start=block.start)
        )
    if block.end > MAX_SERIAL:
        raise ValidationError(field, text, msg("error.serial_too_large"))
    return block


def _full_range(raw: str) -> SerialBlock | None:
    """``A - B`` where A and B are whole serials differing in exactly one numeric field."""
    m = _FULL_RANGE.match(raw)
    if m is None:
        return None
    first, last = m["first"].split("-"), m["last"].split("-")
    if len(first) != len(last):
        return None
    differing = [i for i, (a, b) in enumerate(zip(first, last, strict=True)) if a != b]
    if len(differing) != 1 or not (first[differing[0]] + last[differing[0]]).isdigit():
        return None
    i = differing[0]
    head, tail = "-".join(first[:i]), "-".join(first[i + 1 :])
    head = f"{head}-" if head else ""
    tail = f"-{tail}" if tail else ""
    return SerialBlock(
        f"{head}*{tail}",
        int(first[i]),
        int(last[i]),
        f"{head}{{start}}{tail} - {head}{{end}}{tail}",
    )


def _match(raw: str) -> SerialBlock | None:
    if block := _full_range(raw):
        return block
    if m := _TO_RANGE.match(raw):
        prefix = m["prefix"]
        return SerialBlock(prefix, int(m["start"]), int(m["end"]), f"{prefix}-{{start}} to {{end}}")
    if m := _PURO.match(raw):
        prefix = m["prefix"]
        return SerialBlock(prefix, int(m["start"]), int(m["end"]), f"{prefix}_{{start}}-{{end}}")
    if m := _VERRA.match(raw):
        rest = m["rest"]
        return SerialBlock(
            rest, int(m["start"]), int(m["end"]), f"{m['batch']}-{{start}}-{{end}}-{rest}"
        )
    if m := _DASHED.match(raw):
        prefix = m["prefix"]
        return SerialBlock(prefix, int(m["start"]), int(m["end"]), f"{prefix}-{{start}}-{{end}}")
    return None


def free_ranges(block: SerialBlock, used: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``block`` not covered by the inclusive ``used`` ranges, in order."""
    free: list[tuple[int, int]] = []
    cursor = block.start
    for start, end in sorted(used):
        if start > cursor:
            free.append((cursor, min(start - 1, block.end)))
        cursor = max(cursor, end + 1)
        if cursor > block.end:
            break
    if cursor <= block.end:
        free.append((cursor, block.end))
    return free
