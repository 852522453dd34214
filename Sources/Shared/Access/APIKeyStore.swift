#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// API keys on one connection.
public struct APIKeyStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Stores a new key for `token` (only its secret's hash) and returns it.
    public func create(_ token: APIKeyToken, name: String, scopes: Set<KeyScope>, limits: KeyLimits = .unlimited)
        throws(DatabaseError) -> APIKey
    {
        let rows = try connection.execute(
            APIKeySQL.insert,
            [
                token.id, name, token.secretHash, KeyScope.listText(scopes), limits.maxSamplesPerDay,
                limits.maxCostPerDay, limits.maxConcurrentJobs,
            ])
        guard let row = rows.first else {
            throw DatabaseError(.unexpectedResult, message: "insert returned no row", statement: APIKeySQL.insert.name)
        }
        return try APIKey(row: row)
    }

    /// The key `token` names, revoked or not, recording its use; nil when unknown.
    public func authenticate(_ token: APIKeyToken) throws(DatabaseError) -> APIKey? {
        guard let row = try connection.execute(APIKeySQL.findBySecretHash, [token.secretHash]).first else {
            return nil
        }
        let key = try APIKey(row: row)
        // The hash matched; the id must match too, so a secret is only good with the key it was made for.
        guard key.id == token.id else { return nil }
        // Use is recorded to the minute: most requests read a fresh enough time and skip the statement.
        let recorded = key.lastUsedAt.map { Date().timeIntervalSince($0) < APIKeySQL.touchInterval } ?? false
        if key.revokedAt == nil, !recorded { try connection.execute(APIKeySQL.touch, [key.id]) }
        return key
    }

    public func list() throws(DatabaseError) -> [APIKey] {
        var keys: [APIKey] = []
        for row in try connection.execute(APIKeySQL.list) { keys.append(try APIKey(row: row)) }
        return keys
    }

    /// Revokes a key; nil when there is no key with that id.
    public func revoke(id: String) throws(DatabaseError) -> APIKey? {
        guard let row = try connection.execute(APIKeySQL.revoke, [id]).first else { return nil }
        return try APIKey(row: row)
    }

    /// Replaces a key's limits; nil when there is no key with that id.
    public func setLimits(id: String, _ limits: KeyLimits) throws(DatabaseError) -> APIKey? {
        let rows = try connection.execute(
            APIKeySQL.setLimits, [id, limits.maxSamplesPerDay, limits.maxCostPerDay, limits.maxConcurrentJobs])
        guard let row = rows.first else { return nil }
        return try APIKey(row: row)
    }

    /// A key's limits, its row locked until the caller's transaction ends (which must be open): the quota
    /// check and the job it admits are then one step for that key. Nil when there is no such key.
    public func lockLimits(id: String) throws(DatabaseError) -> KeyLimits? {
        guard let row = try connection.execute(APIKeySQL.lockLimits, [id]).first else { return nil }
        return try KeyLimits(row: row)
    }

    /// What a key has used today against its quotas.
    public func usage(id: String) throws(DatabaseError) -> KeyUsage {
        guard let row = try connection.execute(APIKeySQL.usage, [id]).first else {
            throw DatabaseError(.unexpectedResult, message: "usage returned no row", statement: APIKeySQL.usage.name)
        }
        return try KeyUsage(row: row)
    }
}
