"""Registry identities: a contract's registry project ids and the buyer's own names.

A registry export lists every buyer's credits.  Rows are attributed to a contract by
its registry and project id, and retirements only when their beneficiary, owner or
account holder is one of the buyer's own names.  Pure functions, no Qt, no SQL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable

from tracker.domain.errors import ValidationError
from tracker.domain.messages import msg

PROJECT_ID_LIMIT = 80
PROJECT_IDS_LIMIT = 20
NAME_LIMIT = 200
# A record's global id: a UUID written as 8-4-4-4-12 lowercase hex digits.
UID_COLUMN = "uid"
_UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# Registry prefixes a project id may be written with or without: GS11603 = 11603.
_PREFIX = re.compile(r"^(gs|acr|car|art|vcs|verra|puro)[\s_-]*(?=\d)", re.IGNORECASE)


def parse_project_ids(text: object, field: str = "registry_project_ids") -> tuple[str, ...]:
    """Project ids separated by ``;`` (or new lines): trimmed, duplicates dropped."""
    raw = str(text or "")
    ids: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[;\n\r]+", raw):
        value = " ".join(part.split())
        if not value:
            continue
        if "\0" in value:
            raise ValidationError(field, value.replace("\0", "\\0")[:40], msg("error.nul"))
        if len(value) > PROJECT_ID_LIMIT:
            raise ValidationError(
                field, value[:40] + "…", msg("error.project_id_too_long", limit=PROJECT_ID_LIMIT)
            )
        key = project_key(value)
        if key not in seen:
            seen.add(key)
            ids.append(value)
    if len(ids) > PROJECT_IDS_LIMIT:
        raise ValidationError(
            field, raw[:40] + "…", msg("error.too_many_ids", limit=PROJECT_IDS_LIMIT)
        )
    return tuple(ids)


def format_project_ids(ids: Iterable[str]) -> str:
    return ";".join(ids)


def project_key(project_id: str) -> str:
    """How project ids compare: case- and spacing-insensitive, with or without the
    registry's prefix (``GS11603`` = ``11603``, ``ACR1129`` = ``1129``)."""
    text = "".join(project_id.split()).casefold()
    return _PREFIX.sub("", text)


def _words(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def parse_own_names(text: object, field: str = "own_names") -> tuple[str, ...]:
    """Names one a line (or ``;``-separated): trimmed, duplicates dropped."""
    names: list[str] = []
    seen: set[str] = set()
    for part in re.split(r"[;\n\r]+", str(text or "")):
        value = " ".join(part.split())
        if not value:
            continue
        if "\0" in value:
            raise ValidationError(field, value.replace("\0", "\\0")[:40], msg("error.nul"))
        if len(value) > NAME_LIMIT:
            raise ValidationError(
                field, value[:40] + "…", msg("error.name_too_long", limit=NAME_LIMIT)
            )
        if not _words(value):
            raise ValidationError(field, value, msg("error.name_without_letters"))
        if _words(value) not in seen:
            seen.add(_words(value))
            names.append(value)
    return tuple(names)


def is_own_name(name: str, own_names: Iterable[str]) -> bool:
    """True when ``name`` is one of ``own_names``: equal, or containing it as whole words
    ("Microsoft Corporation", "on behalf of Microsoft"), ignoring case and punctuation."""
    found = f" {_words(name)} "
    if not found.strip():
        return False
    return any(f" {_words(own)} " in found for own in own_names if _words(own))


def new_uid() -> str:
    """A new global id for a record: a random (version 4) UUID in canonical text."""
    return str(uuid.uuid4())


def parse_uid(value: object, field: str = UID_COLUMN) -> str | None:
    """A record's global id as a file or form gives it: None when empty, else a UUID
    in canonical text (lowercase; braces and ``urn:uuid:`` accepted and dropped)."""
    text = str(value or "").strip().lower()
    if not text:
        return None
    text = text.removeprefix("urn:uuid:").removeprefix("{").removesuffix("}")
    if not _UID.fullmatch(text):
        raise ValidationError(field, value, msg("error.bad_uid"))
    return text
