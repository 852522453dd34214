/// Every statement on llm_response_cache. Keys are SHA-256 digests, computed by PostgreSQL from the
/// fingerprint text, so no hashing code of our own decides what counts as identical.
enum ResponseCacheSQL {
    /// The cached answers among `$1` (fingerprint texts), by 1-based position.
    static let lookup = Statement(
        "ResponseCacheSQL.lookup",
        """
        SELECT k.position, c.texts, c.tokens_in, c.tokens_out, c.model
        FROM unnest($1::text[]) WITH ORDINALITY AS k(fingerprint, position)
        JOIN llm_response_cache c ON c.fingerprint = sha256(convert_to(k.fingerprint, 'UTF8'))
        """)

    static let store = Statement(
        "ResponseCacheSQL.store",
        """
        INSERT INTO llm_response_cache (fingerprint, provider, model, texts, tokens_in, tokens_out)
        VALUES (sha256(convert_to($1, 'UTF8')), $2, $3, $4, $5, $6)
        ON CONFLICT (fingerprint) DO NOTHING
        """)
}
