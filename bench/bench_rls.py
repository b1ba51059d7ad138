"""What row-level security costs a kommun's analyst: the same incidents upserted into a
fresh PostGIS store by a member of ``trygghet_kommun_0682`` (every row checked against the
role's kommuner, the records of other kommuner looked up first) and by a superuser, whom
PostgreSQL does not check. Both runs write the same 200,000 incidents (20,000 with --quick)
in batches of 20,000, then write them again unchanged (the daily sync's common case).
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path

from bench.bench_postgis import _cluster
from bench.common import ratio_line, size

ROOT = Path(__file__).resolve().parent.parent
KOMMUN = "0682"


def _upsert(store_uri: str, incidents) -> tuple[float, float]:
    from trygghet_plugin.store import open_store

    with open_store(store_uri) as store:
        started = time.perf_counter()
        counts = store.upsert_incidents(iter(incidents))
        first = time.perf_counter() - started
        assert counts.new == len(incidents), counts
        started = time.perf_counter()
        counts = store.upsert_incidents(iter(incidents))
        again = time.perf_counter() - started
        assert counts.unchanged == len(incidents), counts
    return first, again


def main() -> None:
    from trygghet_plugin.store import open_store
    from trygghet_sample import generate

    n = size(200_000, 20_000)
    cluster, _dsn, url = _cluster()
    try:
        incidents = [replace(i, kommunkod=KOMMUN) for i in
                     generate(size=n, seed=3, end=date(2026, 10, 31)).iter_incidents()]
        roles = (ROOT / "resources" / "postgis" / "roles.sql").read_text(encoding="utf-8")
        user, password = f"bench_{uuid.uuid4().hex[:6]}", "bench-pw"
        pgpass = Path(os.environ["PGPASSFILE"])
        entries = pgpass.read_text(encoding="utf-8")
        work = Path(tempfile.mkdtemp(prefix="bench_rls_"))
        os.environ["PGPASSFILE"] = str(work / "pgpass")
        Path(os.environ["PGPASSFILE"]).write_text(
            entries + f"127.0.0.1:{cluster.port}:*:{user}:{password}\n", encoding="utf-8")
        os.chmod(os.environ["PGPASSFILE"], 0o600)
        times = {}
        for who in ("kommun", "superuser"):
            schema = f"b_{who}"
            with open_store(f"{url}?schema={schema}"):
                pass  # created by the owner
            cluster.psql("trygghet", f"SET trygghet.schema = '{schema}'; {roles}")
            cluster.psql("trygghet", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE "
                         f"rolname = 'trygghet_kommun_{KOMMUN}') THEN CREATE ROLE "
                         f"trygghet_kommun_{KOMMUN} NOLOGIN IN ROLE trygghet_writer; END IF; "
                         "END $$")
            if who == "kommun":
                cluster.psql("trygghet", f"CREATE ROLE {user} LOGIN PASSWORD '{password}' "
                             f"IN ROLE trygghet_kommun_{KOMMUN}")
                uri = f"postgresql://{user}@127.0.0.1:{cluster.port}/trygghet?schema={schema}"
            else:
                uri = f"{url}?schema={schema}"
            times[who] = _upsert(uri, incidents)
        (k_new, k_again), (s_new, s_again) = times["kommun"], times["superuser"]
        print(ratio_line(f"{n:,} new incidents, a kommun's role under row-level security",
                         k_new, s_new, "a superuser (not checked)"))
        print(ratio_line(f"{n:,} unchanged incidents again, the kommun's role", k_again,
                         s_again, "a superuser (not checked)"))
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
