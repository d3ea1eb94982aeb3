"""Audit widgets: flags, history, audit settings and verification records.

Each takes a :class:`~tracker.ui.ledger_store.LedgerStore`, offers
``set_contract(contract_id | None)`` where it makes sense, and refreshes itself
on ``store.changed``, ``store.reset`` and ``store.as_of_changed``.
"""
