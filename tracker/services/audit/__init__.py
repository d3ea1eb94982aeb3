"""Audit verification: verification records, settings, the rule engine and flag review."""
