"""Use cases.  Each write runs in one transaction and returns a ChangeSet."""
