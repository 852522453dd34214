import Shared
import ArgumentParser

/// `dataforge keys create|list|revoke|limits`: the API keys, managed on the database directly (as `migrate` is).
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create, list and revoke API keys, and set their quotas.",
        subcommands: [Create.self, List.self, Revoke.self, Limits.self])

    static func connection(program: String) throws -> Connection {
        let settings = Settings.loadOrExit(program: program)
        return try Connection(conninfo: settings.databaseURL, applicationName: program)
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a key and print it once: only its hash is stored.")

        @Option(help: "A name to recognise the key by.") var name: String
        @Option(help: "Comma-separated scopes: read, write, admin (admin implies the others).") var scopes = "read"
        @OptionGroup var quotas: KeyQuotaOptions

        func validate() throws {
            try quotas.validate()
            guard (1...200).contains(name.count) else { throw ValidationError("--name must have 1 to 200 characters") }
            guard KeyScope.parseList(scopes) != nil else {
                throw ValidationError("--scopes must list read, write or admin, separated by commas")
            }
        }

        func run() throws {
            let token = APIKeyToken.generate()
            let key = try Keys.connection(program: "dataforge keys create").transaction { connection in
                let key = try APIKeyStore(connection).create(
                    token, name: name, scopes: KeyScope.parseList(scopes) ?? [], limits: quotas.limits)
                try Keys.audit("key.created", key, connection)
                return key
            }
            print(token.text)
            printError("key \(key.id) (\(KeyScope.listText(key.scopes))) created; it is not shown again")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys (never their secrets).")

        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }

        func run() throws {
            let keys = try APIKeyStore(try Keys.connection(program: "dataforge keys list")).list()
            let limits = keys.map { KeyQuotaOptions.compact($0.limits) }
            // As wide as the longest quotas, so the names after them line up.
            let limitsWidth = max("limits".count, limits.map(\.count).max() ?? 0) + 2
            print(
                "id            scopes            created               last used             revoked               "
                    + pad("limits", limitsWidth) + "name")
            for (key, limit) in zip(keys, limits) {
                let columns = [
                    pad(key.id, 14), pad(KeyScope.listText(key.scopes), 18), pad(RFC3339.format(key.createdAt), 22),
                    pad(key.lastUsedAt.map(RFC3339.format) ?? "-", 22),
                    pad(key.revokedAt.map(RFC3339.format) ?? "-", 22), pad(limit, limitsWidth), key.name,
                ]
                print(columns.joined())
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: it is refused from then on.")

        @Argument(help: "The key's id (the part after dfk_).") var id: String

        func run() throws {
            let revoked = try Keys.connection(program: "dataforge keys revoke").transaction { connection in
                let key = try APIKeyStore(connection).revoke(id: id)
                if let key { try Keys.audit("key.revoked", key, connection) }
                return key
            }
            guard let key = revoked else { throw ValidationError("no key with id \(id)") }
            print("key \(key.id) revoked")
        }
    }

    struct Limits: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a key's quotas; a quota not given becomes unlimited.")

        @Argument(help: "The key's id (the part after dfk_).") var id: String
        @OptionGroup var quotas: KeyQuotaOptions

        func validate() throws { try quotas.validate() }

        func run() throws {
            let changed = try Keys.connection(program: "dataforge keys limits").transaction { connection in
                let key = try APIKeyStore(connection).setLimits(id: id, quotas.limits)
                if let key { try Keys.audit("key.limits_changed", key, connection) }
                return key
            }
            guard let key = changed else { throw ValidationError("no key with id \(id)") }
            print("key \(key.id) limits: \(KeyQuotaOptions.describe(key.limits))")
        }
    }

    /// The audit row of a key change, in the change's transaction: its id, name and scopes, never its secret.
    static func audit(_ action: String, _ key: APIKey, _ connection: Connection) throws {
        try AuditStore(connection).append(AuditEntry(
            actor: "cli", action: action, subjectType: "api_key", subjectID: key.id, requestID: nil,
            details: [
                "name": .string(key.name), "scopes": .array(key.scopes.map { .string($0.rawValue) }),
                "limits": KeyQuotaOptions.json(key.limits),
            ]))
    }
}
