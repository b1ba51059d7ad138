"""A real PostgreSQL with PostGIS for the PostGIS store's tests.

One throw-away server for the session (``pgcluster.TempCluster``: initdb into a temporary
directory, 127.0.0.1 on a free port, stopped and removed at the end even when tests fail).
Passwords come from a pgpass file (``PGPASSFILE``), as an analyst's would: STORE never holds
one. Each test gets its own PostgreSQL schema, so tests never see each other's rows.
The tests are skipped, with the reason, only when PostgreSQL or PostGIS is not installed
(``make setup`` installs both).
"""

from __future__ import annotations

import atexit
import os
import uuid
from pathlib import Path

import pytest
from pgcluster import SUPERUSER, TempCluster, missing


@pytest.fixture(scope="session")
def pg_cluster(tmp_path_factory):
    reason = missing()
    if reason:
        pytest.skip(f"PostGIS tests skipped: {reason}")
    cluster = TempCluster()
    atexit.register(cluster.stop)  # also when the session dies without teardown
    cluster.start()
    pgpass = cluster.write_pgpass(tmp_path_factory.mktemp("pgpass") / "pgpass",
                                  [(SUPERUSER, cluster.password)])
    before = os.environ.get("PGPASSFILE")
    os.environ["PGPASSFILE"] = str(pgpass)
    cluster.pgpass = pgpass
    cluster.pgpass_entries = [(SUPERUSER, cluster.password)]
    try:
        yield cluster
    finally:
        if before is None:
            os.environ.pop("PGPASSFILE", None)
        else:
            os.environ["PGPASSFILE"] = before
        cluster.stop()


def add_login(cluster: TempCluster, user: str, password: str, *roles: str) -> None:
    """A login role (in ``roles``) whose password the session's pgpass file knows."""
    cluster.psql("trygghet", f"CREATE ROLE {user} LOGIN PASSWORD '{password}'"
                 + (f" IN ROLE {', '.join(roles)}" if roles else ""))
    cluster.pgpass_entries.append((user, password))
    cluster.write_pgpass(cluster.pgpass, cluster.pgpass_entries)


@pytest.fixture
def pg_schema() -> str:
    return f"t_{uuid.uuid4().hex[:12]}"


@pytest.fixture
def pg_uri(pg_cluster, pg_schema) -> str:
    """STORE for a fresh store of this test (created when first opened)."""
    return f"{pg_cluster.url()}?schema={pg_schema}"


@pytest.fixture
def pg_store(pg_uri):
    from trygghet_plugin.store import open_store

    with open_store(pg_uri) as s:
        yield s


@pytest.fixture(scope="session")
def sample_files(tmp_path_factory) -> dict[str, Path]:
    from trygghet_sample import write_sample

    return write_sample(tmp_path_factory.mktemp("sample"), size=1500, seed=11)


def fill(store, files: dict[str, Path], *, kommunkod: str = "0682") -> None:
    """A store as an analyst's looks after the demo's imports: the kommun and its DeSO and
    RegSO areas with population, reports, police events, a survey with places, compared."""
    from trygghet_plugin.sources import polisen, surveys
    from trygghet_plugin.sources.areas import import_areas
    from trygghet_plugin.sources.exportfile import sync_file
    from trygghet_plugin.sources.kommuner import registry

    import_areas(store, str(files["areas"]), layer_name="DeSO_2025", kommunkod=kommunkod,
                 population=files["population"])
    import_areas(store, str(files["areas"]), layer_name="RegSO_2025", kommunkod=kommunkod)
    import_areas(store, str(files["areas"]), layer_name="kommun")
    sync_file(store, files["reports"], kommunkod=kommunkod)
    polisen.import_file(store, files["police_events"], kommun=registry().resolve(kommunkod))
    result = surveys.import_results(store, files["survey_results"])
    surveys.import_places(store, files["survey_places"])
    surveys.compare_with_reports(store, result.surveys)
    if getattr(store, "SCHEMA_VERSION", 0) == store.schema_version():  # not an old store's
        add_measures(store, kommunkod)


def add_measures(store, kommunkod: str = "0682") -> None:
    """Two measures of the kommun, as the Åtgärder dock saves them: a finished, evaluated
    lighting of a square (a polygon) and an ongoing patrol along a street (a line)."""
    from datetime import date

    from osgeo import ogr

    from trygghet_plugin.domain.measure import Measure

    deso = next(a for a in store.areas(kind="deso") if a.kommunkod == kommunkod)
    square = ogr.CreateGeometryFromWkb(bytes(deso.wkb)).Centroid().Buffer(150, 4)
    centre = square.Centroid()
    street = ogr.CreateGeometryFromWkt(
        f"LINESTRING ({centre.GetX() - 300} {centre.GetY()}, {centre.GetX() + 300} "
        f"{centre.GetY() + 40})")
    store.upsert_measures([
        Measure(f"m-{kommunkod}-1", "Ny belysning på torget", "belysning", "avslutad",
                date(2026, 3, 2), date(2026, 3, 13), "Tekniska kontoret", ("vald", "samling"),
                "Internt: elektrikern kom två dagar sent", kommunkod,
                bytes(square.ExportToIsoWkb())),
        Measure(f"m-{kommunkod}-2", "Kvällspatrull Storgatan", "narvaro", "pagaende",
                date(2026, 9, 1), None, "Polisen", (), None, kommunkod,
                bytes(street.ExportToIsoWkb()), source="csv"),
    ])
    store.save_measure_evaluation(f"m-{kommunkod}-1", "decreased", 0.62, 0.41, 0.93, -0.25)



@pytest.fixture(scope="session")
def fill_store(sample_files):
    """``fill_store(store)``: the sample's kommun, areas, reports, police and survey in it."""
    def run(store, kommunkod: str = "0682") -> None:
        fill(store, sample_files, kommunkod=kommunkod)
    return run


@pytest.fixture(scope="session")
def make_login(pg_cluster):
    """``make_login(user, password, *roles)``: a login role the pgpass file knows."""
    def run(user: str, password: str, *roles: str) -> None:
        add_login(pg_cluster, user, password, *roles)
    return run
