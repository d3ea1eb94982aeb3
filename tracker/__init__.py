"""Carbon-credit offtake contract tracker."""

__version__ = "0.1.0"
