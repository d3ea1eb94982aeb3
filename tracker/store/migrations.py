"""Versioned schema migrations (sqlite-utils ``Migrations``).

The schema is written out in SQL, never inferred from data.  Tables are
STRICT so a REAL can never slip into an integer quantity column.  m001–m005 are here,
m006 on in :mod:`tracker.store.migrations_kept`; append new migrations at the end of its
``STEPS``; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite_utils
from sqlite_utils import Migrations

from tracker.domain.flags import key_from_legacy
from tracker.store import change_log, migrations_kept
from tracker.store.migrations_kept import statements

migrations = Migrations("tracker")

_V1 = """
CREATE TABLE contracts (
    id INTEGER PRIMARY KEY,
    reference TEXT NOT NULL UNIQUE CHECK (length(reference) > 0),
    buyer TEXT NOT NULL,
    supplier TEXT NOT NULL,
    project TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL,
    credit_type TEXT NOT NULL CHECK (credit_type IN ('removal', 'avoidance')),
    registry TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    price INTEGER NOT NULL CHECK (price >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    signed_on TEXT,
    start_on TEXT NOT NULL,
    end_on TEXT NOT NULL,
    durability_years INTEGER,
    status TEXT NOT NULL,
    notes TEXT NOT NULL DEFAULT '',
    CHECK (end_on >= start_on)
) STRICT;

CREATE TABLE tranches (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    due_on TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    vintage INTEGER,
    price INTEGER CHECK (price IS NULL OR price >= 0)
) STRICT;
CREATE INDEX tranches_contract ON tranches(contract_id, due_on);

CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    delivered_on TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    vintage INTEGER,
    registry TEXT NOT NULL,
    serial_block TEXT NOT NULL,
    serial_prefix TEXT NOT NULL,
    serial_start INTEGER NOT NULL,
    serial_end INTEGER NOT NULL,
    serial_template TEXT NOT NULL,
    verification_status TEXT NOT NULL
        CHECK (verification_status IN ('pending', 'verified', 'failed')),
    verifier TEXT NOT NULL DEFAULT '',
    verified_on TEXT,
    reference TEXT NOT NULL DEFAULT '',
    CHECK (serial_end >= serial_start)
) STRICT;
CREATE INDEX deliveries_contract ON deliveries(contract_id, delivered_on);
CREATE INDEX deliveries_serials ON deliveries(registry, serial_prefix, serial_start);

CREATE TABLE retirements (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE RESTRICT,
    retired_on TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    serial_block TEXT NOT NULL,
    serial_prefix TEXT NOT NULL,
    serial_start INTEGER NOT NULL,
    serial_end INTEGER NOT NULL,
    beneficiary TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL,
    claim_start TEXT,
    claim_end TEXT,
    registry_reference TEXT NOT NULL DEFAULT '',
    CHECK (serial_end >= serial_start)
) STRICT;
CREATE INDEX retirements_contract ON retirements(contract_id, retired_on);
CREATE INDEX retirements_delivery ON retirements(delivery_id, serial_start);
"""


@migrations()
def m001_ledger(db: sqlite_utils.Database) -> None:
    """Contracts, tranches, deliveries and retirements with integer quantities."""
    for statement in _V1.split(";"):
        if statement.strip():
            db.execute(statement)


_V2 = """
CREATE TABLE verifications (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE RESTRICT,
    verifier TEXT NOT NULL DEFAULT '',
    verified_on TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'verified', 'failed')),
    verified_kg INTEGER CHECK (verified_kg IS NULL OR verified_kg >= 0),
    evidence TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX verifications_delivery ON verifications(delivery_id, verified_on, id);

CREATE TABLE settings (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE flag_acknowledgements (
    id INTEGER PRIMARY KEY,
    flag_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    acknowledged_by TEXT NOT NULL,
    acknowledged_on TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0)
) STRICT;
CREATE INDEX flag_acknowledgements_key ON flag_acknowledgements(flag_key, id);

CREATE TABLE change_log (
    seq INTEGER PRIMARY KEY,
    logged_at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    table_name TEXT NOT NULL,
    record_id INTEGER,
    contract_id INTEGER,
    before_json TEXT,
    after_json TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;
CREATE INDEX change_log_record ON change_log(table_name, record_id);
CREATE INDEX change_log_contract ON change_log(contract_id, seq);
CREATE INDEX deliveries_reference ON deliveries(registry, reference);
"""

# Audit thresholds and their defaults (editable in the settings dialog).
DEFAULT_SETTINGS = (
    ("unverified_stale_days", "90"),
    ("shortfall_pct", "25"),
    ("vintage_age_years", "5"),
    ("claim_lag_months", "12"),
    ("price_tolerance_pct", "5"),
)


@migrations()
def m002_audit(db: sqlite_utils.Database) -> None:
    """Verification records, settings, flag acknowledgements and the chained change log.

    Rows that already exist are logged as ``baseline`` entries so the log
    replays to the current contents of a ledger created before this migration.
    """
    for statement in _V2.split(";"):
        if statement.strip():
            db.execute(statement)
    for key, value in DEFAULT_SETTINGS:
        db.execute("insert into settings (key, value) values (?, ?)", [key, value])
    for table in ("contracts", "tranches", "deliveries", "retirements", "settings"):
        change_log.log_baseline(db, table)


@migrations()
def m003_registry_identity(db: sqlite_utils.Database) -> None:
    """Contracts gain their registry project ids (``;``-separated, as each registry
    writes them).  Every contract row changes shape, so each is logged again as a
    ``baseline`` entry and the change log keeps replaying to the table."""
    db.execute("ALTER TABLE contracts ADD COLUMN registry_project_ids TEXT NOT NULL DEFAULT ''")
    change_log.log_baseline(db, "contracts")


# Serial columns become optional (serials still to come, or one batch id with no range),
# a delivery may name the tranche it fills, and registries' invalidations get a table.
_V3_TABLES = """
CREATE TABLE deliveries_v3 (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    delivered_on TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    vintage INTEGER,
    registry TEXT NOT NULL,
    serial_block TEXT,
    serial_prefix TEXT,
    serial_start INTEGER,
    serial_end INTEGER,
    serial_template TEXT,
    verification_status TEXT NOT NULL
        CHECK (verification_status IN ('pending', 'verified', 'failed')),
    verifier TEXT NOT NULL DEFAULT '',
    verified_on TEXT,
    reference TEXT NOT NULL DEFAULT '',
    tranche_due_on TEXT,
    CHECK (serial_end >= serial_start),
    CHECK ((serial_start IS NULL) = (serial_end IS NULL)),
    CHECK (serial_start IS NULL OR serial_block IS NOT NULL)
) STRICT;

CREATE TABLE retirements_v3 (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries_v3(id) ON DELETE RESTRICT,
    retired_on TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    serial_block TEXT,
    serial_prefix TEXT,
    serial_start INTEGER,
    serial_end INTEGER,
    beneficiary TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL,
    claim_start TEXT,
    claim_end TEXT,
    registry_reference TEXT NOT NULL DEFAULT '',
    CHECK (serial_end >= serial_start),
    CHECK ((serial_start IS NULL) = (serial_end IS NULL))
) STRICT;

CREATE TABLE verifications_v3 (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL REFERENCES deliveries_v3(id) ON DELETE RESTRICT,
    verifier TEXT NOT NULL DEFAULT '',
    verified_on TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'verified', 'failed')),
    verified_kg INTEGER CHECK (verified_kg IS NULL OR verified_kg >= 0),
    evidence TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE invalidations (
    id INTEGER PRIMARY KEY,
    contract_id INTEGER NOT NULL REFERENCES contracts(id) ON DELETE RESTRICT,
    delivery_id INTEGER NOT NULL REFERENCES deliveries_v3(id) ON DELETE RESTRICT,
    invalidated_on TEXT NOT NULL,
    tonnes_kg INTEGER NOT NULL CHECK (tonnes_kg > 0),
    serial_block TEXT,
    serial_prefix TEXT,
    serial_start INTEGER,
    serial_end INTEGER,
    reason TEXT NOT NULL CHECK (reason IN
        ('reversal', 'registry-cancellation', 'buffer-contribution', 'other')),
    registry_reference TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    CHECK (serial_end >= serial_start)
) STRICT
"""

_V3_INDEXES = """
CREATE INDEX deliveries_contract ON deliveries(contract_id, delivered_on);
CREATE INDEX deliveries_serials ON deliveries(registry, serial_prefix, serial_start);
CREATE INDEX deliveries_reference ON deliveries(registry, reference);
CREATE INDEX deliveries_batch ON deliveries(registry, serial_block) WHERE serial_start IS NULL;
CREATE INDEX retirements_contract ON retirements(contract_id, retired_on);
CREATE INDEX retirements_delivery ON retirements(delivery_id, serial_start);
CREATE INDEX verifications_delivery ON verifications(delivery_id, verified_on, id);
CREATE INDEX invalidations_delivery ON invalidations(delivery_id, invalidated_on);
CREATE INDEX invalidations_contract ON invalidations(contract_id, invalidated_on)
"""


@migrations()
def m003_credit_lifecycle(db: sqlite_utils.Database) -> None:
    """Optional serials and batch ids, a delivery's named tranche, and invalidations.

    SQLite cannot relax NOT NULL in place, so deliveries, retirements and their
    verifications are copied into new tables (children dropped before their parent, so
    foreign keys hold throughout) and renamed back.  Deliveries gain a column, so
    their rows are logged again as the change log's baseline.
    """
    for statement in statements(_V3_TABLES):
        db.execute(statement)
    db.execute(
        "insert into deliveries_v3 (id, contract_id, delivered_on, tonnes_kg, vintage, registry,"
        " serial_block, serial_prefix, serial_start, serial_end, serial_template,"
        " verification_status, verifier, verified_on, reference)"
        " select id, contract_id, delivered_on, tonnes_kg, vintage, registry, serial_block,"
        " serial_prefix, serial_start, serial_end, serial_template, verification_status,"
        " verifier, verified_on, reference from deliveries"
    )
    db.execute("insert into retirements_v3 select * from retirements")
    db.execute("insert into verifications_v3 select * from verifications")
    for old in ("verifications", "retirements", "deliveries"):
        db.execute(f"drop table {old}")
    for table in ("deliveries", "retirements", "verifications"):
        db.execute(f"alter table {table}_v3 rename to {table}")
    for statement in statements(_V3_INDEXES):
        db.execute(statement)
    change_log.log_baseline(db, "deliveries")


_V4_INDEXES = """
CREATE INDEX deliveries_awaiting ON deliveries(contract_id, reference) WHERE serial_block IS NULL;
CREATE INDEX retirements_serials ON retirements(serial_prefix, serial_start)
    WHERE serial_start IS NOT NULL
"""


@migrations()
def m004_scale_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for large ledgers: the deliveries of a contract awaiting their serials (by
    registry reference, for imports) and retired serial ranges by prefix (for overlap
    checks).  Indexes change no row, so the change log needs no new baseline."""
    for statement in statements(_V4_INDEXES):
        db.execute(statement)


@migrations()
def m005_flag_identity(db: sqlite_utils.Database) -> None:
    """Acknowledgements name their flag by rule and record (``LATE_TRANCHE|tranches|12``),
    no longer by the English subject, so they survive a change of language or wording.

    Each acknowledgement's key is rewritten; the key it had is kept in the new column
    ``migrated_from``.  Its fingerprint was computed from the old key and cannot be
    recomputed (the numbers behind it were never stored), so it stays as it was: review
    compares it with the flag's ``legacy_fingerprint`` while ``migrated_from`` is set.
    Every acknowledgement changes shape, so each is logged again as a ``baseline``."""
    db.execute(
        "ALTER TABLE flag_acknowledgements ADD COLUMN migrated_from TEXT NOT NULL DEFAULT ''"
    )
    for row_id, old in db.execute("select id, flag_key from flag_acknowledgements").fetchall():
        new = key_from_legacy(old)
        db.execute(
            "update flag_acknowledgements set flag_key = ?, migrated_from = ? where id = ?",
            [new or old, old, row_id],
        )
    change_log.log_baseline(db, "flag_acknowledgements")


# m006 on (derived data kept for large ledgers), in their order, after the above
for step in migrations_kept.STEPS:
    migrations()(step)


KNOWN_MIGRATIONS = tuple(m.name for m in migrations._migrations)
LATEST_VERSION = len(KNOWN_MIGRATIONS)


def unknown_applied(db: sqlite_utils.Database) -> list[str]:
    """Names of applied migrations this build does not know (a newer tracker wrote them)."""
    return [m.name for m in migrations.applied(db) if m.name not in KNOWN_MIGRATIONS]
