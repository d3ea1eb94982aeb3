"""Records that depend on a contract or a delivery: counted before a delete is confirmed,
listed (in the order they are deleted) when it is carried out."""

from __future__ import annotations

from tracker.store.ledger import Ledger

# A contract's dependent records, children before parents (the order a delete takes them).
CONTRACT_DEPENDENTS = ("retirements", "invalidations", "verifications", "deliveries", "tranches")
# A delivery's dependent records.
DELIVERY_DEPENDENTS = ("retirements", "invalidations", "verifications")

_OF_CONTRACT = {
    "retirements": "select id from retirements where contract_id = ? order by id",
    "invalidations": "select id from invalidations where contract_id = ? order by id",
    "verifications": (
        "select v.id from verifications v join deliveries d on d.id = v.delivery_id "
        "where d.contract_id = ? order by v.id"
    ),
    "deliveries": "select id from deliveries where contract_id = ? order by id",
    "tranches": "select id from tranches where contract_id = ? order by id",
}
_COUNTED = ("tranches", "deliveries", "retirements")


def count_of_contract(db: Ledger, table: str, contract_id: int) -> int:
    """How many of the contract's tranches, deliveries or retirements there are."""
    if table not in _COUNTED:
        raise ValueError(f"not a counted table: {table}")
    found = db.execute(
        f"select count(*) from {table} where contract_id = ?", [contract_id]
    ).fetchone()
    return int(found[0])


def ids_of_contract(db: Ledger, table: str, contract_id: int) -> list[int]:
    """Ids of ``table``'s records belonging to the contract, in id order."""
    return [r[0] for r in db.execute(_OF_CONTRACT[table], [contract_id]).fetchall()]


def ids_of_delivery(db: Ledger, table: str, delivery_id: int) -> list[int]:
    """Ids of ``table``'s records drawn on the delivery, in id order."""
    if table not in DELIVERY_DEPENDENTS:
        raise ValueError(f"not a table of records drawn on a delivery: {table}")
    sql = f"select id from {table} where delivery_id = ? order by id"
    return [r[0] for r in db.execute(sql, [delivery_id]).fetchall()]
