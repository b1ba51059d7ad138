"""The plugin's one clock: every "now" and "today" in the plugin is read here.

Which period is "the last complete one", when a sync ran and when a record was rejected all
depend on the moment; reading it in one place lets tests (and anyone who must reproduce a
report as it was made on a given day) set that moment instead of following the calendar.

``TRYGGHET_NOW`` in the environment (ISO 8601, e.g. ``2026-11-02T08:00:00+01:00``; a date
alone means its Stockholm midnight) fixes the clock for a whole process, headless
``qgis_process`` runs included. :func:`frozen_at` fixes it inside a ``with`` block.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone

from .timeutil import STOCKHOLM

ENV = "TRYGGHET_NOW"
_fixed: datetime | None = None


def _aware(moment: date | datetime) -> datetime:
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day, tzinfo=STOCKHOLM)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    return moment.astimezone(timezone.utc)


def _from_env() -> datetime | None:
    text = os.environ.get(ENV, "").strip()
    if not text:
        return None
    try:
        if len(text) == 10:
            return _aware(date.fromisoformat(text))
        return _aware(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        return None  # a broken override must not stop the plugin: the real clock then


def now() -> datetime:
    """The current moment, aware, in UTC."""
    if _fixed is not None:
        return _fixed
    return _from_env() or datetime.now(timezone.utc)


def today() -> date:
    """Today's date in Sweden (Europe/Stockholm)."""
    return now().astimezone(STOCKHOLM).date()


def set_now(moment: date | datetime | None) -> None:
    """Fix the clock at ``moment`` (a date: its Stockholm midnight); None lets it run."""
    global _fixed
    _fixed = None if moment is None else _aware(moment)


@contextmanager
def frozen_at(moment: date | datetime) -> Iterator[datetime]:
    """The clock stands at ``moment`` inside the block, and runs again after it."""
    before = _fixed
    set_now(moment)
    try:
        yield now()
    finally:
        set_now(before)
