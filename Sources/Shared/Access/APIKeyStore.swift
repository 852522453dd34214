/// API keys on one connection.
public struct APIKeyStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Stores a new key for `token` (only its secret's hash) and returns it.
    public func create(_ token: APIKeyToken, name: String, scopes: Set<KeyScope>) throws(DatabaseError) -> APIKey {
        let rows = try connection.execute(
            APIKeySQL.insert, [token.id, name, token.secretHash, KeyScope.listText(scopes)])
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
        if key.revokedAt == nil { try connection.execute(APIKeySQL.touch, [key.id]) }
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
}
