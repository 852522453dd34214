/// The statements of the migrator itself.
enum MigrationSQL {
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """
    static let lock = Statement("MigrationSQL.lock", "SELECT pg_advisory_lock(hashtext('dataforge_migrate'))")
    static let unlock = Statement("MigrationSQL.unlock", "SELECT pg_advisory_unlock(hashtext('dataforge_migrate'))")
    static let appliedVersions = Statement("MigrationSQL.appliedVersions", "SELECT version FROM schema_migrations")
    static let record = Statement(
        "MigrationSQL.record", "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)")
}
