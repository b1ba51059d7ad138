"""Does the store's data reach the end of the period? A picture of a period the data do not
cover would show a fall that is only missing data ("−100 %"), so it must say so and star
nothing.

The data reach as far as the later of the newest incident and the last successful sync (a
sync that found nothing new still vouches for the days before it). A period counts as not
covered when more than :data:`GRACE` of it lies after that (reports arrive late, and a
quiet day is no gap).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import numpy as np

from ..domain.incident import from_utc_text
from .periods import Period, local_date

GRACE = timedelta(days=2)


@dataclass(frozen=True)
class Staleness:
    """The period runs past the data: ``data_end`` (UTC) is where they stop."""

    period: Period
    data_end: datetime | None  # None: the store has no incidents and no sync at all
    last_incident: datetime | None
    last_sync: datetime | None

    @property
    def missing_days(self) -> int:
        """Days from the data's last day to the period's last day."""
        if self.data_end is None:
            return self.period.days
        return max(0, (self.period.end - local_date(self.data_end)).days - 1)

    def text_sv(self) -> str:
        """The warning printed on page 1 (the documents are Swedish)."""
        if self.data_end is None:
            return "Databasen har inga händelser: perioden kan inte beskrivas."
        day = local_date(self.data_end)
        missing = min(self.missing_days, self.period.days)
        what = "hela perioden saknar" if missing >= self.period.days else \
            f"periodens sista {missing} dagar saknar"
        return (f"Underlaget når bara till {day.day}/{day.month} {day.year}: {what} data. "
                "Antalen är för låga och inga förändringar markeras. Synka och skapa "
                "lägesbilden igen.")


def first_incident(frame) -> datetime | None:
    """The first (kept) incident of an IncidentFrame, in UTC: where the data begin."""
    from .select import incident_mask

    times = frame.occurred_at[incident_mask(frame, None)]
    times = times[~np.isnat(times)]
    if not times.size:
        return None
    return datetime.fromisoformat(str(times.min())).replace(tzinfo=timezone.utc)


def latest_occurred(store) -> datetime | None:
    """The newest occurred_at, read cheaply through the index (the last row in time)."""
    try:
        frame = store.incident_frame(
            "occurred_at = (SELECT max(occurred_at) FROM incidents)", (), ("status",))
    except Exception:
        return None
    if not len(frame) or np.isnat(frame.occurred_at).all():
        return None
    value = frame.occurred_at[~np.isnat(frame.occurred_at)].max()
    return datetime.fromisoformat(str(value.astype("datetime64[s]"))).replace(
        tzinfo=timezone.utc)


def last_sync(store) -> datetime | None:
    states = getattr(store, "sync_states", None)
    stamps = [from_utc_text(s.last_success) for s in (states() if states else [])
              if s.last_success]
    return max((s for s in stamps if s is not None), default=None)


def staleness(store, period: Period) -> Staleness | None:
    """None when the data cover the period; else what is missing."""
    incident, sync = latest_occurred(store), last_sync(store)
    ends = [t for t in (incident, sync) if t is not None]
    data_end = max(ends) if ends else None
    if data_end is not None and data_end >= period.end_utc - GRACE:
        return None
    return Staleness(period, data_end, incident, sync)
