"""Qt user interface.  Everything below this package is Qt-free."""
