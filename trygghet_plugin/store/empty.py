"""A store with nothing to show yet: one clear message that says what to do next, instead
of a picture made of left-out layers."""

from __future__ import annotations

from ..i18n import translator
from .base import Store, StoreError

tr = translator("Store")


class EmptyStoreError(StoreError):
    """The store holds no incidents yet."""


def check_has_incidents(store: Store) -> None:
    """Raise EmptyStoreError when ``store`` holds no incidents (reports or police data)."""
    if store.count("incidents") == 0:
        raise EmptyStoreError(tr(
            "The store holds no incidents yet. Next: sync reports (the Sync dock: add a "
            "connection, then Sync now) or import police data (the Data dock); then try "
            "again."))
