import Shared
import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `dataforge migrate`: applies the numbered files of `sql/` that the database does not have yet.
struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending schema migrations.")

    @Option(help: "Folder of the migration files (default: $DATAFORGE_SQL_DIR or ./sql).")
    var sqlDir: String?

    func run() throws {
        let environment = currentEnvironment()
        let settings = Settings.loadOrExit(program: "dataforge migrate")
        let folder = sqlDir ?? environment["DATAFORGE_SQL_DIR"] ?? "sql"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".sql") }
        var migrations: [Migration] = []
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
            guard let migration = Migration(fileName: name, sql: String(decoding: data, as: UTF8.self)) else {
                throw ValidationError("\(name) is not named NNNN_name.sql")
            }
            migrations.append(migration)
        }
        let connection = try Connection(conninfo: settings.databaseURL, applicationName: "dataforge migrate")
        let applied = try Migrator(connection).apply(migrations)
        print(applied.isEmpty ? "schema is up to date" : "applied migrations \(applied.map(String.init).joined(separator: ", "))")
    }
}
