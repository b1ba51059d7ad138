-- Trygghet: who may do what in a shared PostGIS store.
--
--   trygghet_reader    planners: read every kommun of the store (USAGE, SELECT), but the
--                      incidents and the rejected records only through the views
--                      incidents_planner and rejected_planner: no free text (description),
--                      no reporter organisation or reporter id, no source details, no raw
--                      records -- what the planners' GeoPackage leaves out as well -- and
--                      the measures only through measures_planner (no internal notes). QGIS
--                      layers a planner opens come from these views. A write is refused by
--                      PostgreSQL and the plugin says "Du har bara läsrätt ... / You have
--                      read-only access".
--   trygghet_writer    analysts: read every table, add and change rows, never the schema.
--                      Which rows is decided by the database itself (row-level security,
--                      installed by the plugin's schema version 6), by role membership:
--   trygghet_kommun_0682 (one per kommun, member of trygghet_writer): reads and writes
--                      kommun 0682's rows -- incidents, areas, survey results and places,
--                      police counts, survey comparisons, measures, sync state and rejected
--                      records --
--                      and no other kommun's, whatever the plugin's STORE option kommun= says
--                      (a record of another kommun is kept among the rejected ones, with the
--                      reason; the database tells the plugin only whose a key is).
--   trygghet_region    the region's analyst (member of trygghet_writer): reads and writes
--                      every kommun's rows and rows without a kommun.
--   A writer that is neither a kommun's nor the region's writes nothing (the plugin says so).
--   Rows of sync_state and rejected without a kommun are the region's shared bookkeeping
--   (the police feed's call log), kept by every writer.
--
--   The schema is created, and upgraded when a new plugin version needs it, by its owner:
--   whoever opened the empty database first with the plugin (an administrator, say). The
--   owner, like a superuser, writes every kommun's rows.
--
-- Run as the owner of the schema (or a superuser), once the store exists:
--
--   psql "service=trygghet" -f resources/postgis/roles.sql
--
-- For a schema other than "trygghet" (STORE=...?schema=region), say which first:
--
--   psql "service=trygghet" -c "SET trygghet.schema = 'region'" -f resources/postgis/roles.sql
--
-- A group trygghet_kommun_<kod> is made for every kommun the store holds areas or incidents
-- of; for another kommun, before its first import:
--
--   CREATE ROLE trygghet_kommun_0680 NOLOGIN IN ROLE trygghet_writer;
--
-- Then give people their role; passwords are set by the administrator (\password anna) or
-- come from Kerberos / certificates, and the plugin reads them from the QGIS authentication
-- database, pg_service.conf or ~/.pgpass, never from STORE:
--
--   CREATE ROLE anna LOGIN IN ROLE trygghet_reader;         -- a planner
--   CREATE ROLE erik LOGIN IN ROLE trygghet_kommun_0682;    -- Nässjö's analyst
--   CREATE ROLE maja LOGIN IN ROLE trygghet_region;         -- the region's analyst
--   GRANT trygghet_kommun_0680 TO erik;                     -- erik also writes Jönköping
--
-- QGIS layer filters name the "areas" table without its schema; let the database find it:
--
--   ALTER DATABASE trygghet SET search_path = "$user", public, trygghet;
--
-- Running this file again is harmless.

DO $roles$
DECLARE
  s text := coalesce(nullif(current_setting('trygghet.schema', true), ''), 'trygghet');
  k text;
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = s) THEN
    RAISE EXCEPTION 'Schemat % finns inte: öppna databasen med Trygghet först. / Schema % does not exist: open the store with Trygghet first.', s, s;
  END IF;
  IF to_regclass(format('%I.incidents_planner', s)) IS NULL THEN
    RAISE EXCEPTION 'Schemat % är av en äldre version: öppna det med Trygghet som dess ägare först. / Schema % is of an older version: open it with Trygghet as its owner first.', s, s;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'trygghet_reader') THEN
    CREATE ROLE trygghet_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'trygghet_writer') THEN
    CREATE ROLE trygghet_writer NOLOGIN IN ROLE trygghet_reader;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'trygghet_region') THEN
    CREATE ROLE trygghet_region NOLOGIN IN ROLE trygghet_writer;
  END IF;
  FOR k IN EXECUTE format('SELECT kommunkod FROM %I.areas WHERE kommunkod ~ ''^[0-9]{4}$'' '
                          'UNION SELECT kommunkod FROM %I.incidents '
                          'WHERE kommunkod ~ ''^[0-9]{4}$''', s, s) LOOP
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'trygghet_kommun_' || k) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE trygghet_writer', 'trygghet_kommun_' || k);
    END IF;
  END LOOP;

  -- Readers: the schema and SELECT, on what exists now and on what later versions add;
  -- the incidents and rejected records only through the planners' views.
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO trygghet_reader', current_database());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO trygghet_reader', s);
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO trygghet_reader', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES '
                 'TO trygghet_reader', s);
  EXECUTE format('REVOKE SELECT ON %I.incidents, %I.rejected FROM trygghet_reader', s, s);
  IF to_regclass(format('%I.measures', s)) IS NOT NULL THEN  -- version 7: notes are internal
    EXECUTE format('REVOKE SELECT ON %I.measures FROM trygghet_reader', s);
  END IF;

  -- Writers: every table to read, rows (of their kommuner) to write, not the structure
  -- nor the schema's own bookkeeping.
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO trygghet_writer', s);
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO trygghet_writer',
                 s);
  EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I.trygghet_meta FROM trygghet_writer', s);
  -- Views are read: a write through one would be checked as the view's owner's.
  FOR k IN SELECT viewname FROM pg_catalog.pg_views WHERE schemaname = s LOOP
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE ON %I.%I FROM trygghet_writer', s, k);
  END LOOP;
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO trygghet_writer', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE '
                 'ON TABLES TO trygghet_writer', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES '
                 'TO trygghet_writer', s);
END
$roles$;
