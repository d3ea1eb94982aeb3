"""The migrations that keep derived data for large ledgers (m006 on): kept totals, record
ids, serial clashes, kept allocations and the indexes the rules and the export read.
Registered, in this order, by :mod:`tracker.store.migrations`; never edit one that has
shipped.
"""

from __future__ import annotations

import sqlite_utils

from tracker.store import (
    change_log,
    contract_fills,
    delivery_totals,
    nul_texts,
    positions,
    serial_clashes,
    uids,
)
from tracker.store.rule_inputs import VERIFIED_EARLY
from tracker.store.rule_inputs_serials import COUNT_MISMATCH


def statements(script: str) -> list[str]:
    """The statements of a script, one each (split on semicolons)."""
    return [s for s in script.split(";") if s.strip()]


def m006_contract_positions(db: sqlite_utils.Database) -> None:
    """Each contract's delivered, verified, rejected, invalidated and available tonnes
    kept in ``contract_positions`` (see :mod:`tracker.store.positions`), with the
    triggers that note the contracts a write touches; computed here for every contract.
    Derived data, not logged: no logged row changes."""
    for statement in statements(positions.SCHEMA):
        db.execute(statement)
    for trigger in positions.TRIGGERS:
        db.execute(trigger)
    positions.note_all(db)
    positions.refresh(db)


def m007_record_uids(db: sqlite_utils.Database) -> None:
    """Every record gets a global id (``uid``, a version-4 UUID, see
    :mod:`tracker.store.uids`): the column, filled for every existing row, a unique index,
    and triggers that fill a row inserted without one and refuse to blank it.  Every
    logged row changes shape, so each is logged again as a ``baseline``.  Filling the
    column notes contracts for their kept totals (the triggers of m006 see updates); no
    figure changed, so the notes are cleared by recomputing them here."""
    for table in uids.TABLES:
        for statement in uids.schema(table):
            db.execute(statement)
        change_log.log_baseline(db, table)
    positions.refresh(db)


_V8_INDEXES = """
CREATE INDEX deliveries_tonnes ON deliveries(tonnes_kg);
CREATE INDEX contracts_reference_nocase ON contracts(reference COLLATE NOCASE)
"""


def m008_delivery_totals(db: sqlite_utils.Database) -> None:
    """Each delivery's retired and invalidated tonnes kept in ``delivery_totals`` (see
    :mod:`tracker.store.delivery_totals`) with the triggers that recount them, counted
    here for every delivery; indexes on delivered tonnes and on contract references as
    the tables sort them (ignoring case): the Deliveries table sorts by tonnes, retired,
    invalidated or contract through an index.  Derived data and indexes, not logged: no
    logged row changes."""
    delivery_totals.create(db)
    for statement in statements(_V8_INDEXES):
        db.execute(statement)


def m009_serial_clashes(db: sqlite_utils.Database) -> None:
    """The deliveries and retirements that share serials or a registry reference with
    another record, kept in ``serial_clashes`` (see :mod:`tracker.store.serial_clashes`)
    with the triggers that note them, noted here for every record: the serial-overlap
    and duplicate rules read those few instead of ordering every block.  Derived data,
    not logged: no logged row changes."""
    serial_clashes.create(db)


def m010_positions_follow_allocation(db: sqlite_utils.Database) -> None:
    """A delivery naming another tranche, or of another vintage, notes its contract for
    its kept figures: the trigger of m006 did not watch ``tranche_due_on``, so an edit
    changing only the tranche a delivery names left the kept delivered value at the old
    tranche's price where tranches carry their own (and the allocation m011 keeps
    follows vintages and delivery ids too).  The trigger is recreated, and every
    contract with a delivery naming a tranche is recomputed.  Derived data, not logged."""
    db.execute("DROP TRIGGER deliveries_positions_update")
    db.execute(positions.trigger_named("deliveries_positions_update"))
    positions.note(
        db,
        [
            row[0]
            for row in db.execute(
                "select distinct contract_id from deliveries where tranche_due_on is not null"
            )
        ],
    )
    positions.refresh(db)


def m011_contract_fills(db: sqlite_utils.Database) -> None:
    """Each contract's tranche allocation as of the end of time, folded, kept in
    ``contract_fills`` beside its kept totals (see :mod:`tracker.store.contract_fills`):
    the rules and the schedule read a settled contract's allocation instead of its
    deliveries.  Allocated here for every contract.  Derived data, not logged."""
    db.execute(contract_fills.SCHEMA)
    every = [row[0] for row in db.execute("select id from contracts")]
    contract_fills.write(db, contract_fills.allocated(db, contract_fills.plans(db, every)))


_V12_INDEXES = f"""
CREATE INDEX deliveries_count_mismatch ON deliveries(id) WHERE {COUNT_MISMATCH};
CREATE INDEX deliveries_verified_early ON deliveries(id) WHERE {VERIFIED_EARLY}
"""


def m012_rule_indexes(db: sqlite_utils.Database) -> None:
    """Partial indexes of the few deliveries two audit rules look for, so neither reads
    a million: those whose serial count differs from their tonnes (SERIAL_QTY_MISMATCH)
    and those whose own verification date precedes their delivery
    (VERIFIED_BEFORE_DELIVERED).  Indexes change no row: nothing is logged."""
    for statement in statements(_V12_INDEXES):
        db.execute(statement)


def m013_deliveries_holding_nul(db: sqlite_utils.Database) -> None:
    """The deliveries holding a NUL in a text the export writes (none, unless written by
    hand), kept in ``deliveries_holding_nul`` with the triggers that note them (see
    :mod:`tracker.store.nul_texts`): the export writes every other row in one piece,
    which a NUL would cut short.  Derived data: nothing is logged."""
    nul_texts.create(db)


def m014_pending_deliveries_index(db: sqlite_utils.Database) -> None:
    """A partial index of the deliveries stored as pending (a few percent of them), by
    delivery date: UNVERIFIED_STALE finds those pending long enough as of a date through
    it, and through the contracts not settled by then, instead of reading every
    delivery.  Nothing logged."""
    db.execute(
        "CREATE INDEX deliveries_pending ON deliveries(delivered_on) "
        "WHERE verification_status = 'pending'"
    )


def m015_retirement_lookup_indexes(db: sqlite_utils.Database) -> None:
    """Two indexes a registry import seeks for each retirement row, where it read every
    retirement (0.05 s a row at 300k, a second when the pages are not cached): the
    retirements of a credit batch (serials named by a batch id, no numbered range) by
    batch, and the retirements by registry reference (a row without serials is known by
    it).  Ranges have ``retirements_serials`` since m004.  Nothing logged."""
    db.execute(
        "CREATE INDEX retirements_batch ON retirements(serial_block) WHERE serial_start IS NULL"
    )
    db.execute("CREATE INDEX retirements_registry_reference ON retirements(registry_reference)")


def m016_retirements_delivery_covering(db: sqlite_utils.Database) -> None:
    """The index of retirements by delivery also holds each retirement's date and tonnes,
    so OVER_RETIREMENT sums what was retired from each delivery by a date from the index
    alone instead of reading every retirement's row beside it (300k retirements: 0.38 s
    to 0.17 s).  The same leading columns, so every lookup it served it still serves.
    Nothing logged."""
    db.execute("DROP INDEX retirements_delivery")
    db.execute(
        "CREATE INDEX retirements_delivery "
        "ON retirements(delivery_id, serial_start, retired_on, tonnes_kg)"
    )


STEPS = (
    m006_contract_positions,
    m007_record_uids,
    m008_delivery_totals,
    m009_serial_clashes,
    m010_positions_follow_allocation,
    m011_contract_fills,
    m012_rule_indexes,
    m013_deliveries_holding_nul,
    m014_pending_deliveries_index,
    m015_retirement_lookup_indexes,
    m016_retirements_delivery_covering,
)
