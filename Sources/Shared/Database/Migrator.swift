/// A numbered schema file from `sql/`.
public struct Migration: Sendable, Equatable {
    public var version: Int
    public var name: String
    public var sql: String

    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// Parses `0001_jobs.sql` into version 1, name `jobs`; nil for other file names.
    public init?(fileName: String, sql: String) {
        guard fileName.hasSuffix(".sql"), let underscore = fileName.firstIndex(of: "_"),
            let version = Int(fileName[..<underscore])
        else { return nil }
        self.init(version: version, name: String(fileName[fileName.index(after: underscore)...].dropLast(4)), sql: sql)
    }
}

/// Applies migrations once each, in order, one transaction each, recorded in `schema_migrations`.
///
/// An advisory lock makes concurrent runs (several processes starting at once) wait for each other
/// instead of racing to apply the same file.
public struct Migrator {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Applies the migrations not yet recorded; returns the versions it applied.
    public func apply(_ migrations: [Migration]) throws(DatabaseError) -> [Int] {
        try connection.executeScript(MigrationSQL.createTable, name: "MigrationSQL.createTable")
        try connection.execute(MigrationSQL.lock)
        defer { _ = try? connection.execute(MigrationSQL.unlock) }
        var applied: Set<Int> = []
        for row in try connection.execute(MigrationSQL.appliedVersions) { applied.insert(try row.decode("version")) }
        var done: [Int] = []
        for migration in migrations.sorted(by: { $0.version < $1.version }) where !applied.contains(migration.version) {
            do {
                try connection.transaction { connection in
                    try connection.executeScript(migration.sql, name: "migration \(migration.version)")
                    try connection.execute(MigrationSQL.record, [migration.version, migration.name])
                }
            } catch let error as DatabaseError {
                throw error
            } catch {
                throw DatabaseError(.unexpectedResult, message: "\(error)")
            }
            done.append(migration.version)
        }
        return done
    }
}
