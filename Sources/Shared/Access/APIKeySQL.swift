/// Every statement on `api_keys`.
enum APIKeySQL {
    static let columns = "id, name, array_to_string(scopes, ',') AS scopes, created_at, revoked_at, last_used_at"

    static let insert = Statement(
        "APIKeySQL.insert",
        "INSERT INTO api_keys (id, name, secret_hash, scopes) VALUES ($1, $2, $3, string_to_array($4, ',')) RETURNING \(columns)")

    /// By the secret's hash (the unique index): how every request finds its key.
    static let findBySecretHash = Statement(
        "APIKeySQL.findBySecretHash",
        "SELECT \(columns) FROM api_keys WHERE secret_hash = $1")

    /// Records a use at most once a minute, so a busy key does not write a row version per request.
    static let touch = Statement(
        "APIKeySQL.touch",
        """
        UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
        """)

    static let list = Statement(
        "APIKeySQL.list",
        "SELECT \(columns) FROM api_keys ORDER BY created_at, id")

    /// Revokes key $1 once; the first revocation's time is kept.
    static let revoke = Statement(
        "APIKeySQL.revoke",
        "UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING \(columns)")
}
