"""The Filter dock's choice as one subset string: what it keeps, run in a real SQLite table
like the store's, and that no name can break out of its quotes."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

import numpy as np
import pytest

from trygghet_plugin.analysis.periods import period_ending
from trygghet_plugin.layers.filters import (
    AREAS,
    INCIDENTS,
    POLICE,
    FilterSpec,
    build_filter,
    frame_mask,
    quote_literal,
)
from trygghet_plugin.store.base import IncidentFrame

# Also run where `import qgis` fails (make test-noqgis, tests/unit/test_without_qgis.py).
pytestmark = pytest.mark.noqgis

PERIOD = period_ending(date(2026, 10, 25))  # 12-25 Oct 2026, Stockholm days
NASTY = "Kalle's Bevakning'); DROP TABLE incidents; --"

# uid, source, category, subcategory, occurred_at (UTC, as the store writes it), status,
# reporter_org, location_precision, area_code
ROWS = [
    ("r:1", "reports", "skadegorelse", "klotter", "2026-10-12T08:00:00.000Z", "open",
     "Nässjö kommun", "exact", None),
    ("r:2", "reports", "nedskrapning", None, "2026-10-20T21:30:00.000Z", "closed",
     NASTY, "street", None),
    ("r:3", "reports", "samling", None, "2026-10-25T21:59:00.000Z", "open",
     "Fastighets AB O'Hara", "exact", None),
    # 23:00 UTC on 25 Oct is 26 Oct 00:00 in Stockholm (winter time): after the period
    # (written without milliseconds, as other writers may).
    ("r:4", "reports", "samling", None, "2026-10-25T23:00:00Z", "open",
     "Nässjö kommun", "exact", None),
    # 22:30 UTC on 11 Oct is 12 Oct 00:30 in Stockholm (summer time): inside.
    ("r:5", "reports", "vald", "hot", "2026-10-11T22:30:00.000Z", "deleted",
     "Nässjö kommun", "exact", None),
    # The period's first instant (12 Oct 00:00 CEST): inside.
    ("p:1", "police", "vald", "misshandel", "2026-10-11T22:00:00.000Z", "closed",
     "Polisen", "kommun", None),
    ("p:2", "police", "stold", "inbrott", "2026-10-15T18:00:00.000Z", "closed",
     None, "exact", "0682C1010"),
    ("p:3", "police", "ordningsstorning", "brak", "2026-10-16T18:00:00.000Z", "closed",
     "Polisen", "area", "0682C1020"),
]
COLUMNS = ("uid", "source", "category", "subcategory", "occurred_at", "status",
           "reporter_org", "location_precision", "area_code")


@pytest.fixture
def db():
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE TABLE incidents ({', '.join(COLUMNS)})")
    conn.executemany(f"INSERT INTO incidents VALUES ({', '.join('?' * len(COLUMNS))})", ROWS)
    conn.execute("CREATE TABLE areas (code, name, kind)")
    conn.executemany("INSERT INTO areas VALUES (?, ?, ?)", [
        ("0682", "Nässjö", "kommun"), ("0682C1010", "Centrum", "deso"),
        ("0682C1020", "Norr", "deso"), ("O'Brien", "Ett konstigt namn", "deso")])
    yield conn
    conn.close()


def kept(db, spec: FilterSpec, **kw) -> list[str]:
    where = build_filter(spec, INCIDENTS, **kw)
    sql = "SELECT uid FROM incidents" + (f" WHERE {where}" if where else "")
    return [uid for (uid,) in db.execute(sql + " ORDER BY uid")]


def test_the_default_shows_exact_and_street_points_never_deleted_or_area_level(db):
    assert kept(db, FilterSpec()) == ["p:2", "r:1", "r:2", "r:3", "r:4"]
    assert kept(db, FilterSpec(precise_only=False)) == [
        "p:1", "p:2", "p:3", "r:1", "r:2", "r:3", "r:4"]


def test_the_period_is_whole_stockholm_days_by_occurred_at(db):
    spec = FilterSpec(period=PERIOD, precise_only=False)
    assert kept(db, spec) == ["p:1", "p:2", "p:3", "r:1", "r:2", "r:3"]
    where = build_filter(spec)
    assert "occurred_at >= '2026-10-11T22:00:00+00:00'" in where   # 12 Oct 00:00 CEST
    assert "occurred_at < '2026-10-25T23:00:00+00:00'" in where    # 26 Oct 00:00 CET


def test_categories_match_the_category_or_the_subcategory(db):
    assert kept(db, FilterSpec(categories=("samling", "inbrott"))) == ["p:2", "r:3", "r:4"]
    assert kept(db, FilterSpec(categories=())) == []  # nothing chosen: nothing shown


def test_sources_and_organisations_with_and_without_one(db):
    assert kept(db, FilterSpec(sources=("police",))) == ["p:2"]
    assert kept(db, FilterSpec(organisations=("Nässjö kommun",))) == ["r:1", "r:4"]
    assert kept(db, FilterSpec(organisations=(None,))) == ["p:2"]
    assert kept(db, FilterSpec(organisations=("Nässjö kommun", None))) == ["p:2", "r:1", "r:4"]
    assert kept(db, FilterSpec(organisations=())) == []


def test_names_with_quotes_are_values_never_sql(db):
    assert kept(db, FilterSpec(organisations=(NASTY,))) == ["r:2"]
    assert kept(db, FilterSpec(organisations=("Fastighets AB O'Hara",))) == ["r:3"]
    assert kept(db, FilterSpec(categories=("x' OR '1'='1",))) == []
    assert db.execute("SELECT count(*) FROM incidents").fetchone()[0] == len(ROWS)
    assert quote_literal("O'Hara") == "'O''Hara'"
    assert quote_literal("a\x00b") == "'ab'"


def test_areas_spatially_or_by_the_incidents_area_code(db):
    spatial = build_filter(FilterSpec(areas=("0682C1010", "O'Brien")))
    assert ("ST_Intersects(geom, (SELECT ST_Union(geom) FROM areas WHERE "
            "code IN ('0682C1010', 'O''Brien')))") in spatial
    assert kept(db, FilterSpec(areas=("0682C1010",)), spatial_areas=False) == ["p:2"]
    assert kept(db, FilterSpec(areas=()), spatial_areas=False) == []


def test_polygon_layers_keep_the_chosen_areas_and_the_base_subset(db):
    assert build_filter(FilterSpec(), AREAS) == ""
    spec = FilterSpec(areas=("0682C1020", "O'Brien"), categories=("vald",))
    where = build_filter(spec, AREAS, base="survey = 'Trygghetsmätning 2025'")
    assert where == ("(survey = 'Trygghetsmätning 2025') AND "
                     "(code IN ('0682C1020', 'O''Brien'))")
    rows = db.execute(f"SELECT code FROM areas WHERE {build_filter(spec, POLICE)} "
                      "ORDER BY code").fetchall()
    assert [r[0] for r in rows] == ["0682", "0682C1020", "O'Brien"]  # the kommun stays
    with pytest.raises(ValueError):
        build_filter(spec, "hexagons")


def frame_of(rows) -> IncidentFrame:
    text = {c: np.array([r[COLUMNS.index(c)] for r in rows], dtype=object)
            for c in ("source", "category", "subcategory", "status", "reporter_org",
                      "location_precision", "area_code")}
    times = np.array([r[4][:19] for r in rows], dtype="datetime64[s]")
    n = len(rows)
    return IncidentFrame(np.arange(n), np.zeros(n), np.zeros(n), times, times, text)


@pytest.mark.parametrize("spec", [
    FilterSpec(categories=("samling", "inbrott")),
    FilterSpec(sources=("reports",), organisations=(NASTY, None)),
    FilterSpec(organisations=("Polisen",), categories=("vald", "ordningsstorning")),
    FilterSpec(categories=()),
])
def test_the_numpy_mask_keeps_what_the_subset_string_keeps(db, spec):
    """The computed layers (hot spots, rates) and the drawn points agree on the filter."""
    frame = frame_of(ROWS)
    by_mask = sorted(r[0] for r, keep in zip(ROWS, frame_mask(frame, spec)) if keep)
    loose = FilterSpec(categories=spec.categories, sources=spec.sources,
                       organisations=spec.organisations, precise_only=False)
    where = build_filter(loose).replace("(status IS NULL OR status <> 'deleted') AND ", "")
    by_sql = [u for (u,) in db.execute(f"SELECT uid FROM incidents WHERE {where} ORDER BY uid")]
    assert by_mask == by_sql


def test_the_period_mask_matches_the_period():
    frame = frame_of(ROWS)
    mask = frame_mask(frame, FilterSpec(period=PERIOD), with_period=True)
    assert [r[0] for r, keep in zip(ROWS, mask) if keep] == [
        "r:1", "r:2", "r:3", "r:5", "p:1", "p:2", "p:3"]
    assert datetime(2026, 10, 25, 23, 0, tzinfo=timezone.utc) == PERIOD.end_utc
