-- Trygghet: who may do what in a shared PostGIS store.
--
--   trygghet_reader  planners: read every table and view of the store (USAGE on the schema,
--                    SELECT), nothing else. A write is refused by PostgreSQL and the plugin
--                    says "Du har bara läsrätt ... / You have read-only access".
--   trygghet_writer  analysts: also add and change records (syncs, imports, police counts),
--                    never the schema itself.
--   The schema is created, and upgraded when a new plugin version needs it, by its owner:
--   whoever opened the empty database first with the plugin (an administrator, say).
--
-- Run as the owner of the schema (or a superuser), once the store exists:
--
--   psql "service=trygghet" -f resources/postgis/roles.sql
--
-- For a schema other than "trygghet" (STORE=...?schema=region), say which first:
--
--   psql "service=trygghet" -c "SET trygghet.schema = 'region'" -f resources/postgis/roles.sql
--
-- Then give people their role; passwords are set by the administrator (\password anna) or
-- come from Kerberos / certificates, and the plugin reads them from the QGIS authentication
-- database, pg_service.conf or ~/.pgpass, never from STORE:
--
--   CREATE ROLE anna LOGIN IN ROLE trygghet_reader;   -- a planner
--   CREATE ROLE erik LOGIN IN ROLE trygghet_writer;   -- an analyst
--
-- QGIS layer filters name the "areas" table without its schema; let the database find it:
--
--   ALTER DATABASE trygghet SET search_path = "$user", public, trygghet;
--
-- Running this file again is harmless.

DO $roles$
DECLARE
  s text := coalesce(nullif(current_setting('trygghet.schema', true), ''), 'trygghet');
BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_namespace WHERE nspname = s) THEN
    RAISE EXCEPTION 'Schemat % finns inte: öppna databasen med Trygghet först. / Schema % does not exist: open the store with Trygghet first.', s, s;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'trygghet_reader') THEN
    CREATE ROLE trygghet_reader NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'trygghet_writer') THEN
    CREATE ROLE trygghet_writer NOLOGIN IN ROLE trygghet_reader;
  END IF;

  -- Readers: the schema and SELECT, on what exists now and on what later versions add.
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO trygghet_reader', current_database());
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO trygghet_reader', s);
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO trygghet_reader', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES '
                 'TO trygghet_reader', s);

  -- Writers: rows, not structure.
  EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO trygghet_writer',
                 s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO trygghet_writer', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT INSERT, UPDATE, DELETE ON TABLES '
                 'TO trygghet_writer', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES '
                 'TO trygghet_writer', s);
END
$roles$;
