"""Police events for the sample kommun in the form of the polisen.se events feed.

Mimics the quirks of the real feed (see tests/data/polisen): the hour in ``datetime`` is not
zero-padded; ``name`` gives the event time as "14:40" until November 2023 and "20.50" after,
with the day zero-padded until June 2026 ("03 april") and not after ("2 juli"); ``url`` is
relative, its path dated by publication and its slug by the event; ``location.gps`` is the
kommun centre, lat first; from February 2026 most events carry only "Jönköpings län" (and the
län centre) as location, the kommun then only at the end of ``name``. Types include the
non-events "Sammanfattning natt", "Sammanfattning kväll och natt" and "Övrigt", and types with
a comma ("Misshandel, grov"). Events are listed newest first, as the API serves them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

from . import stockholm

EVENTS_PER_YEAR = 50
KOMMUN_GPS = "57.653036,14.696725"
LAN_NAME = "Jönköpings län"
LAN_GPS = "57.370843,14.343917"
_LAN_ONLY_FROM = date(2026, 2, 1)
_DOT_TIME_FROM = date(2023, 12, 1)
_UNPADDED_DAY_FROM = date(2026, 7, 1)
_LAN_ONLY_SHARE = 0.85

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")

_STREETS = ("Storgatan", "Brogatan", "Järnvägsgatan", "Rådhusgatan", "Runnerydsvägen",
            "Mariagatan", "Esplanaden")
_TOWNS = ("Bodafors", "Forserum", "Anneberg", "Malmbäck")
_ROADS = ("riksväg 31", "riksväg 40", "länsväg 128", "länsväg 830")

# type: (weight per year, summaries; {street}, {town} and {road} are filled in)
TYPES: dict[str, tuple[float, tuple[str, ...]]] = {
    "Trafikolycka": (10, ("Två bilar i krock på {road}.", "Kollision på {street}, Nässjö.",
                          "Trafikolycka i Nässjö.",
                          "Personbil och lastbil i krock utanför {town}.")),
    "Trafikolycka, personskada": (4, ("En till sjukhus efter olycka på {road}.",
                                      "Cyklist påkörd på {street}, Nässjö.")),
    "Trafikolycka, singel": (2, ("Bil körde av vägen mellan {town} och Nässjö.",
                                 "Singelolycka på {road}.")),
    "Misshandel": (6, ("Man misshandlad på {street}, Nässjö.",
                       "Bråk som slutade i misshandel vid resecentrum i Nässjö.",
                       "En person gripen misstänkt för misshandel.",
                       "Misshandel i centrala Nässjö.")),
    "Misshandel, grov": (1.5, ("Man skadad med tillhygge på {street}, Nässjö.",
                               "Grov misshandel i {town}.")),
    "Skadegörelse": (3, ("Fönsterrutor krossade på skolan i {town}.",
                         "Klotter och skadegörelse vid resecentrum i Nässjö.",
                         "Bil vandaliserad på {street}, Nässjö.")),
    "Stöld": (2.5, ("Cykelstöld vid resecentrum i Nässjö.", "Butiksstöld på {street}, Nässjö.",
                    "Motorcykel stulen i {town}.")),
    "Inbrott": (2, ("Inbrott i villa i {town}.", "Inbrott i förråd på {street}, Nässjö.")),
    "Narkotikabrott": (2.5, ("Man gripen misstänkt för narkotikabrott i Stadsparken, Nässjö.",
                             "Misstänkt narkotikaförsäljning på {street}, Nässjö.")),
    "Ofredande/förargelse": (1.5, ("Man trakasserade ungdomar vid resecentrum.",
                                   "Ofredande på {street}, Nässjö.")),
    "Brand": (4, ("Brand i flerfamiljshus i Nässjö.",
                  "Larm om brand i container på {street}, Nässjö.", "Brand i villa i {town}.")),
    "Rattfylleri": (2.5, ("Bilist misstänkt för rattfylleri på {road}.",
                          "Rattfyllerist gripen i {town}.")),
    "Bråk": (2, ("Bråk mellan ungdomar vid fritidsgården i Nässjö.",
                 "Bråk utanför restaurang på {street}, Nässjö.")),
    "Rån": (1, ("En person rånad på {street}, Nässjö.", "Rån mot kiosk i {town}.")),
    "Olaga hot": (1, ("Man gripen för olaga hot i Nässjö.",)),
    "Arbetsplatsolycka": (1.5, ("Man skadad i samband med arbete i {town}.",
                                "Larm om arbetsplatsolycka i Nässjö.")),
    "Sammanfattning natt": (2, ("Lugn natt i Nässjö. En person omhändertogs på {street}.",
                                "Några störningsärenden under natten i Nässjö.")),
    "Sammanfattning kväll och natt": (1, ("Flera ärenden med berusade personer i Nässjö.",)),
    "Övrigt": (1.5, ("Vapenliknande föremål i Nässjö.",
                     "Polisen söker vittnen efter händelse på {street}, Nässjö.")),
}
_NIGHTLY = ("Misshandel", "Misshandel, grov", "Bråk", "Skadegörelse", "Rattfylleri", "Rån",
            "Ofredande/förargelse", "Narkotikabrott")


def slug(text: str) -> str:
    """The feed's URL slug: lower case, å/ä to a, ö to o, no ':' ',' '/', dashes for spaces."""
    text = text.lower().translate(str.maketrans({"å": "a", "ä": "a", "ö": "o", ":": None,
                                                 ",": None, "/": None}))
    return "-".join(text.split())


def _feed_time(utc: int) -> str:
    """``2025-06-07 7:32:06 +02:00``: the feed does not pad the hour."""
    local = stockholm.aware_local(utc)
    sign = "+02:00" if local.utcoffset() == timedelta(hours=2) else "+01:00"
    return f"{local:%Y-%m-%d} {local.hour}:{local:%M:%S} {sign}"


def _event_label(local: datetime) -> str:
    day = local.day if local.date() >= _UNPADDED_DAY_FROM else f"{local.day:02d}"
    sep = "." if local.date() >= _DOT_TIME_FROM else ":"
    return f"{day} {MONTHS[local.month - 1]} {local:%H}{sep}{local:%M}"


def _event_days(rng: np.random.Generator, start: date, end: date) -> np.ndarray:
    """Day numbers (from ``start``) of the events: more in summer and on Fri/Sat."""
    days = (end - start).days + 1
    day = np.arange(days)
    doy = np.array([(start + timedelta(days=int(d))).timetuple().tm_yday for d in day])
    year = np.array([(start + timedelta(days=int(d))).year for d in day])
    dow = (stockholm.epoch_day(start) + day + 3) % 7
    level = (1 + 0.25 * np.cos(2 * np.pi * (doy - 196) / 365.25)) * np.where(
        np.isin(dow, (4, 5)), 1.3, 1.0)
    # a steady 42-58 a year, prorated for the partial years at the window's edges
    picked = []
    for y in range(start.year, end.year + 1):
        in_year = np.flatnonzero(year == y)
        full = (date(y, 12, 31) - date(y, 1, 1)).days + 1
        n = round(int(rng.integers(42, 59)) * in_year.size / full)
        weights = level[in_year] / level[in_year].sum()
        picked.append(rng.choice(in_year, size=n, p=weights))
    return np.sort(np.concatenate(picked))


def generate_police_events(rng: np.random.Generator, start: date, end: date,
                           kommun: str = "Nässjö") -> list[dict]:
    event_day = _event_days(rng, start, end)
    count = event_day.size
    names = list(TYPES)
    weights = np.array([TYPES[t][0] for t in names])
    kinds = rng.choice(len(names), size=count, p=weights / weights.sum())
    end_ts = int(stockholm.local_to_utc(np.array([(stockholm.epoch_day(end) + 1) * 86400]))[0]
                 ) - 1
    events = []
    for i in range(count):
        kind = names[kinds[i]]
        if kind.startswith("Sammanfattning"):
            hour = int(rng.integers(5, 8))
        elif kind in _NIGHTLY:
            hour = int(rng.choice((17, 18, 19, 20, 21, 22, 23, 0, 1, 2)))
        else:
            hour = int(rng.integers(6, 22))
        local = (stockholm.epoch_day(start) + int(event_day[i])) * 86400 + hour * 3600 + int(
            rng.integers(0, 60)) * 60
        happened = int(stockholm.local_to_utc(np.array([local]))[0])
        lag = rng.integers(60, 5400) if rng.random() < 0.85 else rng.integers(3600, 36000)
        published = min(happened + int(lag), end_ts)
        events.append(_event(rng, kind, happened, published, kommun))
    events.sort(key=lambda e: e["_published"])
    number = 0
    for event in events:
        # ids grow with time, about 230 a day across the whole country (404000 early 2023)
        number = max(number + 1, 404_000 + (event["_published"] - 1_672_531_200) // 86400 * 230
                     + int(rng.integers(0, 200)))
        event["id"] = int(number)
        del event["_published"]
    events.reverse()
    return [{k: e[k] for k in ("id", "datetime", "name", "summary", "url", "type", "location")}
            for e in events]


def _event(rng: np.random.Generator, kind: str, happened: int, published: int,
           kommun: str) -> dict:
    at = stockholm.aware_local(happened)
    out = stockholm.aware_local(published)
    label = _event_label(at)
    summary = str(rng.choice(TYPES[kind][1])).format(
        street=rng.choice(_STREETS), town=rng.choice(_TOWNS), road=rng.choice(_ROADS))
    url = (f"/aktuellt/handelser/{out.year}/{MONTHS[out.month - 1]}/{out.day}/"
           f"{slug(f'{label} {kind} {kommun}')}/")
    if out.date() >= _LAN_ONLY_FROM and rng.random() < _LAN_ONLY_SHARE:
        location = {"name": LAN_NAME, "gps": LAN_GPS}
    else:
        location = {"name": kommun, "gps": KOMMUN_GPS}
    return {"_published": published, "datetime": _feed_time(published),
            "name": f"{label}, {kind}, {kommun}", "summary": summary, "url": url, "type": kind,
            "location": location}

