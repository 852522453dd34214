/// The statement that expires cached provider answers.
extension ResponseCacheSQL {
    /// Deletes up to $3 cached answers stored more than $1 days before $2 (now() when NULL); found through
    /// llm_response_cache_created_idx (BRIN). Answers how many it deleted.
    static let deleteCreatedBefore = Statement(
        "ResponseCacheSQL.deleteCreatedBefore",
        """
        WITH old AS (
            SELECT fingerprint FROM llm_response_cache
            WHERE created_at < coalesce($2::timestamptz, now()) - make_interval(days => $1)
            LIMIT $3
        ), deleted AS (
            DELETE FROM llm_response_cache c USING old WHERE c.fingerprint = old.fingerprint RETURNING 1
        )
        SELECT count(*) AS deleted FROM deleted
        """)
}
