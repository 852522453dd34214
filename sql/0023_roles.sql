-- Roles for the processes that serve the API and run the queue: they read and write rows, never the schema.
-- The owner (who runs these migrations) keeps every DDL right; dataforge_api (the FastCGI handlers) and
-- dataforge_consumer (the queue consumers) are NOLOGIN groups that login roles join, so a leaked handler
-- password cannot drop a table or rewrite the audit trail. Roles are cluster-wide, hence "if not exists".
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dataforge_api') THEN
        CREATE ROLE dataforge_api NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dataforge_consumer') THEN
        CREATE ROLE dataforge_consumer NOLOGIN;
    END IF;
END
$$;

-- Before PostgreSQL 15 every role may create in public; neither group may, on any version.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public, analytics TO dataforge_api, dataforge_consumer;

-- Row access to every table of the application, and to the ones later migrations add (default privileges
-- follow the owner who runs them).
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dataforge_api, dataforge_consumer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dataforge_api, dataforge_consumer;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO dataforge_api, dataforge_consumer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO dataforge_api, dataforge_consumer;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public, analytics TO dataforge_api, dataforge_consumer;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO dataforge_api, dataforge_consumer;
ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO dataforge_api, dataforge_consumer;

-- The migration bookkeeping is the owner's alone.
REVOKE ALL ON schema_migrations FROM dataforge_api, dataforge_consumer;

-- API keys and datasets are written by the API and the command line alone; the consumers only read them.
REVOKE INSERT, UPDATE, DELETE ON api_keys, datasets, dataset_versions, dataset_version_samples
    FROM dataforge_consumer;

-- The audit trail is append-only by privilege as well as by trigger: a change is refused before any trigger
-- runs, so a dropped or disabled trigger would not open it. (TRUNCATE was never granted; revoked for clarity.)
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM dataforge_api, dataforge_consumer;

-- The partition maintainer creates job_history's monthly partitions from a consumer: the function runs with
-- its owner's rights so the consumer's role needs no CREATE, and its search_path is fixed so a caller cannot
-- substitute its own objects.
ALTER FUNCTION job_history_create_partition(timestamptz) SECURITY DEFINER SET search_path = public, pg_temp;
REVOKE EXECUTE ON FUNCTION job_history_create_partition(timestamptz) FROM PUBLIC, dataforge_api;
