"""Waiting on Qt's event loop in the GUI tests (tasks finish and widgets go through it)."""

from __future__ import annotations

import time

from qgis.PyQt.QtCore import QCoreApplication, QEvent


def wait_for(predicate, timeout: float = 60.0) -> None:
    """Process events until ``predicate()`` holds; AssertionError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not predicate():
        QCoreApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline:
            raise AssertionError("timed out")


def flush_deletes() -> None:
    """Let deleteLater() happen now."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
