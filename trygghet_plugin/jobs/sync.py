"""Syncing a connection, the use case both doors call: the sync dock (in a SyncTask) and
``trygghet:syncreports``. Each takes the saved :class:`Connection` whole.

The set-up is :func:`prepare_sync` (check the connection, make the session with its
credentials, create or open the store: everything that can fail fast with a clear message,
on the main thread); the run is :func:`run_sync` (the worker thread or the algorithm).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import requests

from ..domain.taxonomy import Taxonomy
from ..i18n import translator
from ..sources.auth import apply_authcfg
from ..sources.connections import Connection
from ..sources.http import SourceError, make_session
from ..sources.sync import Feedback, SyncResult
from ..store import Store, open_store

tr = translator("Sources")


@dataclass
class SyncJob:
    """A connection checked and ready to sync into one store."""

    connection: Connection
    store_uri: str
    session: requests.Session
    #: Records the store already holds from this connection's source: a progress estimate
    #: while the service does not say how many it has.
    expected: int = 0


@dataclass
class SyncDone:
    """What a sync did, and the store afterwards."""

    result: SyncResult
    store_uri: str
    #: Incidents in the store after the sync (every source).
    total: int


def saved_connection(name: str) -> Connection:
    """The connection saved (in the sync dock) under ``name``; SourceError when none is."""
    from ..settings import ConnectionStore

    saved = ConnectionStore().find(name)
    if saved is None:
        raise SourceError(tr("No saved connection is called '{name}'.").format(name=name))
    return saved


def prepare_sync(connection: Connection, store_uri: str) -> SyncJob:
    """Check ``connection``, give a session its credentials and create or open the store;
    SourceError or StoreError saying what to fix."""
    connection.validate()
    session = make_session()
    apply_authcfg(session, connection.authcfg)
    with open_store(store_uri) as store:  # creates it, or says clearly why not
        expected = store.count("incidents", "source = ?", (connection.source,))
    return SyncJob(connection, store_uri, session, expected)


def run_sync(job: SyncJob, *, force_full: bool = False,
             feedback: Feedback | None = None) -> SyncDone:
    """One sync of the job's connection into its store (opened here: its own connection
    in whatever thread runs this)."""
    with open_store(job.store_uri) as store:
        result = run_connection(job.connection, store, session=job.session,
                                force_full=force_full, feedback=feedback)
        return SyncDone(result, store.uri, store.count("incidents"))


def run_connection(connection: Connection, store: Store, *,
                   session: requests.Session | None = None, taxonomy: Taxonomy | None = None,
                   boundary=None, force_full: bool = False,
                   feedback: Feedback | None = None) -> SyncResult:
    """Run one sync of ``connection`` into an open ``store`` (the session carries any
    credentials)."""
    connection.validate()
    warning = None
    if boundary is None:
        boundary = store_boundary(store, connection.kommunkod or None)
        if boundary is None:
            warning = tr("The store has no kommun boundary, so reports outside the kommun are "
                         "not rejected: import the areas (with the kommun) first.")
    policy = connection.policy(force_full=force_full)
    if connection.kind != "file":
        session = session or make_session()
        connection.configure(session, policy)
    if connection.aliases:
        from ..paths import taxonomy_file

        taxonomy = (taxonomy or Taxonomy.load(taxonomy_file())).with_aliases(
            connection.aliases)
    common = dict(mapping=connection.field_mapping(), taxonomy=taxonomy,
                  kommunkod=connection.kommunkod or None, boundary=boundary,
                  source=connection.source, naive_tz=connection.naive_tz(),
                  feedback=feedback)
    if connection.kind == "oapif":
        from ..sources.sync import sync_oapif

        result = sync_oapif(store, connection.url, connection.collection, session=session,
                            limit=connection.limit, allow_http=connection.allow_http,
                            policy=policy, **common)
    elif connection.kind == "open311":
        from ..sources.open311 import sync_open311

        history = connection.history_start()
        result = sync_open311(store, connection.url, session=session,
                              allow_http=connection.allow_http,
                              jurisdiction=connection.jurisdiction or None,
                              page_size=connection.page_size, history_from=history,
                              policy=policy, **common)
    else:
        from ..sources.exportfile import sync_file

        result = sync_file(store, Path(connection.file), force=force_full, **common)
    if warning:
        result.notes.append(warning)
    return result


def store_boundary(store: Store, kommunkod: str | None):
    """The kommun boundary the store holds (an OGR geometry in EPSG:3006), or None."""
    from ..analysis.areas import kommun_boundary_wkt

    wkt = kommun_boundary_wkt(store, kommunkod)
    if not wkt:
        return None
    from osgeo import ogr

    return ogr.CreateGeometryFromWkt(wkt)
