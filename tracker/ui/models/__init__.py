"""Qt item models over the ledger: lazily paged tables and the filter/sort proxy."""
