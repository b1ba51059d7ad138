"""Kommuner kept apart by PostgreSQL itself, and planners' views without free text.

Schema version 6 of the PostGIS store (PostgreSQL only; a GeoPackage is one kommun's file),
and version 7 for the measures table (:func:`install_measures`, the same rules):

- Every table a kommun writes carries ``kommunkod`` (survey, police-count, sync and rejected
  tables got the column here, filled from what is known: a row's area, or for rejected
  records the one kommun of the source's incidents). Rows of the survey and police-count
  tables always take their area's kommun (a trigger), so a client cannot mislabel them.
- Row-level security on those tables, FORCEd so that the schema's owner follows the same
  rules as everyone (it passes them by name): a row is read, added, changed or removed only
  by a role of its kommun. Which kommuner a role has is role membership, nothing the client
  says: a member of ``trygghet_kommun_0682`` reads and writes kommun 0682's rows, a member
  of ``trygghet_region`` (or the schema's owner, or a superuser) all of them and rows
  without a kommun. ``sync_state`` and ``rejected`` rows without a kommun are the region's
  shared bookkeeping (the police feed's call log, say), which every writer may keep.
  Planners (``trygghet_reader`` and no writer) read every kommun, but only what their views
  show; the views show each reader the rows it may read (they read the tables as their
  owner, who would otherwise show everything).
- ``trygghet_owners(table, keys, mine)``: which other kommun holds each of the given keys (nothing
  else), for a writer to learn that a record it is about to write is another kommun's
  (which it cannot read) and keep it as a rejected one instead of failing the batch.
- ``incidents_planner``, ``rejected_planner`` and ``measures_planner``: the incidents
  without free text, reporter organisation, reporter id and source details, the rejected
  records without the raw record, the measures without their internal notes.
  ``resources/postgis/roles.sql`` gives planners (``trygghet_reader``) these views instead
  of the tables, as the planners' GeoPackage leaves the free text out.
"""

from __future__ import annotations

from collections.abc import Sequence

from .schema import V3_VIEWS

KOMMUN_ROLE_PREFIX = "trygghet_kommun_"
REGION_ROLE = "trygghet_region"
READER_ROLE = "trygghet_reader"
WRITER_ROLE = "trygghet_writer"

#: The tables a kommun writes that version 6 secured.
V6_KOMMUN_TABLES: tuple[str, ...] = ("incidents", "areas", "survey_results", "survey_places",
                                     "survey_comparison", "police_area_counts", "sync_state",
                                     "rejected")
#: Every table a kommun writes (version 7 added the measures, secured as the incidents).
KOMMUN_TABLES: tuple[str, ...] = (*V6_KOMMUN_TABLES, "measures")
#: Tables whose rows belong to the kommun of their area (``area_code``).
BY_AREA: tuple[str, ...] = ("survey_results", "survey_places", "survey_comparison",
                            "police_area_counts")
#: Tables that had no kommunkod before version 6.
ADDED_KOMMUNKOD: tuple[str, ...] = (*BY_AREA, "sync_state", "rejected")
#: Bookkeeping tables whose rows without a kommun every writer may keep.
SHARED_WHEN_NULL: tuple[str, ...] = ("sync_state", "rejected")

#: What planners never read, per table, and the view they read instead (a measure's notes
#: are internal, as a report's free text is).
PLANNER_HIDDEN: dict[str, tuple[str, ...]] = {
    "incidents": ("description", "reporter_org", "reporter_id", "details"),
    "rejected": ("raw",),
    "measures": ("notes",),
}
PLANNER_VIEWS: dict[str, str] = {"incidents": "incidents_planner",
                                 "rejected": "rejected_planner",
                                 "measures": "measures_planner"}
#: The planners' views version 6 made (version 7 made the measures' one).
V6_PLANNER_VIEWS: tuple[str, ...] = ("incidents", "rejected")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def kommuner_function(schema: str) -> str:
    """``trygghet_kommuner()``: the kommuner the current role writes, NULL for all of them.
    STABLE and called as a scalar subquery in the policies, so PostgreSQL works it out once
    per statement, not once per row."""
    s = _q(schema)
    literal = schema.replace("'", "''")
    return f"""
CREATE OR REPLACE FUNCTION {s}.trygghet_kommuner() RETURNS text[]
LANGUAGE sql STABLE AS $f$
  SELECT CASE
    WHEN (SELECT r.rolsuper OR r.rolbypassrls FROM pg_catalog.pg_roles r
          WHERE r.rolname = current_user)
      OR pg_catalog.pg_has_role(current_user, (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                                               WHERE n.nspname = '{literal}'), 'MEMBER')
      OR EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = '{REGION_ROLE}'
                 AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))
    THEN NULL
    ELSE ARRAY(SELECT substr(r.rolname, {len(KOMMUN_ROLE_PREFIX) + 1})
               FROM pg_catalog.pg_roles r
               WHERE r.rolname ~ '^{KOMMUN_ROLE_PREFIX}[0-9]{{4}}$'
                 AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
               ORDER BY 1)
  END
$f$"""


def read_kommuner_function(schema: str) -> str:
    """``trygghet_read_kommuner()``: the kommuner whose rows the current role reads, NULL
    for all (the region, the owner, a planner: a reader that is no writer)."""
    s = _q(schema)
    return f"""
CREATE OR REPLACE FUNCTION {s}.trygghet_read_kommuner() RETURNS text[]
LANGUAGE sql STABLE AS $f$
  SELECT CASE
    WHEN {s}.trygghet_kommuner() IS NULL
      OR (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = '{READER_ROLE}'
                  AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER'))
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = '{WRITER_ROLE}'
                          AND pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')))
    THEN NULL
    ELSE {s}.trygghet_kommuner()
  END
$f$"""


#: The key each table's rows are known by to ``trygghet_owners`` (one text).
OWNER_KEYS: dict[str, tuple[str, ...]] = {
    "incidents": ("uid",), "areas": ("code",), "survey_places": ("uid",),
    "survey_results": ("survey", "area_code", "question"), "sync_state": ("source_key",),
    "rejected": ("source", "raw_hash"), "measures": ("uid",),
}


def key_text(columns: Sequence[str], prefix: str = "") -> str:
    """The SQL of a row's key as one text (composite keys joined by '|')."""
    return " || '|' || ".join(f"{prefix}{_q(c)}" for c in columns)


def owners_function(schema: str) -> str:
    """``trygghet_owners(table, keys, mine)``: (key, kommunkod) of the keys that exist and are
    not of the kommuner ``mine`` (rows without a kommun included). SECURITY DEFINER: it
    answers for rows the caller cannot read, and says only whose they are."""
    s = _q(schema)
    cases = " ".join(f"WHEN '{t}' THEN '{key_text(cols).replace(chr(39), chr(39) * 2)}'"
                     for t, cols in OWNER_KEYS.items())
    return f"""
CREATE OR REPLACE FUNCTION {s}.trygghet_owners(tbl text, keys text[], mine text[])
RETURNS TABLE (k_key text, k_kommun text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
  expr text := CASE tbl {cases} END;
BEGIN
  IF expr IS NULL THEN
    RAISE EXCEPTION 'trygghet_owners: unknown table %', tbl;
  END IF;
  RETURN QUERY EXECUTE format('SELECT %s, kommunkod FROM {s}.%I WHERE %s = ANY ($1) '
                              'AND (kommunkod IS NULL OR NOT kommunkod = ANY ($2))',
                              expr, tbl, expr) USING keys, mine;
END
$f$;
CREATE OR REPLACE FUNCTION {s}.trygghet_area_kommun_of(area text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
  SELECT kommunkod FROM {s}.areas WHERE code = area
$f$"""


def area_kommun_function(schema: str) -> str:
    """The trigger that gives a survey or police-count row its area's kommun (or, for a row
    without a known area, the kommun the session writes for)."""
    s = _q(schema)
    return f"""
CREATE OR REPLACE FUNCTION {s}.trygghet_area_kommun() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  NEW.kommunkod := coalesce(
    {s}.trygghet_area_kommun_of(NEW.area_code),  -- also an area the role cannot read
    NEW.kommunkod,
    nullif(current_setting('trygghet.kommun', true), ''),
    (SELECT k[1] FROM {s}.trygghet_kommuner() AS k WHERE cardinality(k) = 1));
  RETURN NEW;
END
$f$"""


def may_write(schema: str, table: str, function: str = "trygghet_kommuner") -> str:
    """The policy condition: the row's kommun is one the role writes (or reads, with
    ``function='trygghet_read_kommuner'``)."""
    f = f"(SELECT {_q(schema)}.{function}())"
    # The cast makes ANY take the array, not the subquery's rows.
    cond = f"({f} IS NULL OR kommunkod = ANY (CAST({f} AS text[])))"
    if table in SHARED_WHEN_NULL:
        cond = f"(kommunkod IS NULL OR {cond})"
    return cond


def install(cur, schema: str, columns: dict[str, Sequence[str]]) -> None:
    """Columns, fill, trigger, policies and views of version 6 (run by the schema's owner,
    in the migration's transaction). ``columns``: each table's columns before version 6."""
    s = _q(schema)

    def t(name: str) -> str:
        return f"{s}.{_q(name)}"

    for table in ADDED_KOMMUNKOD:
        cur.execute(f"ALTER TABLE {t(table)} ADD COLUMN IF NOT EXISTS kommunkod text")
    for table in BY_AREA:
        cur.execute(f"UPDATE {t(table)} x SET kommunkod = a.kommunkod FROM {t('areas')} a "
                    "WHERE a.code = x.area_code AND a.kommunkod IS NOT NULL")
    # A rejected record of a source whose incidents all lie in one kommun is that kommun's.
    cur.execute(f"UPDATE {t('rejected')} r SET kommunkod = k.kommunkod FROM "
                f"(SELECT source, min(kommunkod) AS kommunkod FROM {t('incidents')} "
                "GROUP BY source HAVING count(DISTINCT kommunkod) = 1 "
                "AND count(kommunkod) = count(*)) k WHERE k.source = r.source")
    cur.execute(f"UPDATE {t('rejected')} r SET kommunkod = a.kommunkod FROM {t('areas')} a "
                "WHERE r.source = 'areas' AND r.source_id = a.code AND r.kommunkod IS NULL")
    for table in V6_KOMMUN_TABLES:
        _index_kommun(cur, schema, table)

    cur.execute(kommuner_function(schema))
    cur.execute(read_kommuner_function(schema))
    cur.execute(owners_function(schema))
    cur.execute(area_kommun_function(schema))
    for table in BY_AREA:
        cur.execute(f"CREATE TRIGGER trygghet_area_kommun BEFORE INSERT OR UPDATE ON {t(table)} "
                    f"FOR EACH ROW EXECUTE PROCEDURE {s}.trygghet_area_kommun()")

    for table in V6_KOMMUN_TABLES:
        _secure(cur, schema, table)
    for table in V6_PLANNER_VIEWS:
        _planner_view(cur, schema, table, columns[table])
    for view in V3_VIEWS:  # the areas' views: each area's rows as its kommun's
        cur.execute(f"CREATE OR REPLACE VIEW {t(view.name)} AS {view.sql} "
                    f"WHERE {_readable(schema, 'a.')}")
    # A store whose roles were set up before this version: planners lose the tables now.
    _grant(cur, schema, V6_PLANNER_VIEWS, writers_write=False)


def install_measures(cur, schema: str, columns: Sequence[str]) -> None:
    """Version 7: the measures table (just made) kept apart by kommun as the incidents are,
    its notes hidden from planners. ``columns``: the table's columns."""
    cur.execute(owners_function(schema))  # now knows the measures' key
    _index_kommun(cur, schema, "measures")
    _secure(cur, schema, "measures")
    _planner_view(cur, schema, "measures", columns)
    _grant(cur, schema, ("measures",), writers_write=True)


def _index_kommun(cur, schema: str, table: str) -> None:
    cur.execute(f"CREATE INDEX IF NOT EXISTS {_q(f'ix_{table}_kommunkod')} ON "
                f"{_q(schema)}.{_q(table)} (kommunkod)")


def _secure(cur, schema: str, table: str) -> None:
    """Row-level security, FORCEd: a row is read, added, changed or removed only by a role
    of its kommun."""
    t = f"{_q(schema)}.{_q(table)}"
    cond = may_write(schema, table)
    cur.execute(f"ALTER TABLE {t} ENABLE ROW LEVEL SECURITY")
    cur.execute(f"ALTER TABLE {t} FORCE ROW LEVEL SECURITY")
    cur.execute(f"CREATE POLICY trygghet_read ON {t} FOR SELECT USING "
                f"{may_write(schema, table, 'trygghet_read_kommuner')}")
    cur.execute(f"CREATE POLICY trygghet_add ON {t} FOR INSERT WITH CHECK {cond}")
    cur.execute(f"CREATE POLICY trygghet_change ON {t} FOR UPDATE USING {cond} "
                f"WITH CHECK {cond}")
    cur.execute(f"CREATE POLICY trygghet_remove ON {t} FOR DELETE USING {cond}")


def _readable(schema: str, prefix: str = "") -> str:
    f = f"(SELECT {_q(schema)}.trygghet_read_kommuner())"
    return f"({f} IS NULL OR {prefix}kommunkod = ANY (CAST({f} AS text[])))"


def _planner_view(cur, schema: str, table: str, columns: Sequence[str]) -> None:
    """The planners' view of ``table``: without what they never read, and (a view reads its
    tables as its owner) only the rows the reader may read."""
    cols = [c for c in columns if c not in PLANNER_HIDDEN[table]]
    if "kommunkod" not in cols:
        cols.append("kommunkod")
    where = _readable(schema)
    if table in SHARED_WHEN_NULL:
        where = f"(kommunkod IS NULL OR {where})"
    view = f"{_q(schema)}.{_q(PLANNER_VIEWS[table])}"
    cur.execute(f"CREATE VIEW {view} AS SELECT {', '.join(_q(c) for c in cols)} "
                f"FROM {_q(schema)}.{_q(table)} WHERE {where}")
    cur.execute(f"COMMENT ON VIEW {view} IS %s", (
        f"{table} för planerare: utan fritext och uppgiftslämnare / "
        f"{table} for planners: without free text and reporters",))


def _grant(cur, schema: str, tables: Sequence[str], *, writers_write: bool) -> None:
    """Roles set up (resources/postgis/roles.sql) before these tables' views existed:
    planners get the views instead of the tables, writers read them (and, for a new table,
    write it: default privileges cover only tables of the role that ran roles.sql)."""
    s = _q(schema)

    def t(name: str) -> str:
        return f"{s}.{_q(name)}"

    views = ", ".join(t(PLANNER_VIEWS[x]) for x in tables)
    bare = ", ".join(t(x) for x in tables)
    write = (f"GRANT INSERT, UPDATE, DELETE ON {bare} TO {WRITER_ROLE};" if writers_write
             else "")
    cur.execute(f"""
DO $g$ BEGIN
  IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{WRITER_ROLE}') THEN
    GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {WRITER_ROLE};
    {write}
    -- The old default privileges gave writers every new relation, these views too: a
    -- write through a view is checked as its owner's, so none.
    REVOKE INSERT, UPDATE, DELETE ON {views} FROM {WRITER_ROLE};
  END IF;
  IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{READER_ROLE}') THEN
    REVOKE SELECT ON {bare} FROM {READER_ROLE};
    GRANT SELECT ON {views} TO {READER_ROLE};
  END IF;
END $g$""")
