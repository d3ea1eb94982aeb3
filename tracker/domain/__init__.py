"""Pure domain layer: no Qt, no SQL."""
