/// The statement that empties the de-duplication index of finished jobs' own scopes.
extension DedupSQL {
    /// Deletes up to $3 samples' rows (in each of dedup_exact and dedup_shingles, which hold one row per
    /// recorded sample each) of `job` scopes whose job finished more than $1 hours before $2 (now() when NULL)
    /// and is not queued again; answers how many samples' rows it deleted. The scopes are found by skipping
    /// through dedup_exact's unique index one scope at a time (a probe per job in the index, never a scan of
    /// its rows), each looked up in job_history by id; the rows are read from each scope's range of the index
    /// and deleted by their ctid, so no plan can join the whole table to the batch.
    static let deleteFinishedJobScopes = Statement(
        "DedupSQL.deleteFinishedJobScopes",
        """
        WITH RECURSIVE scopes AS (
            (SELECT e.scope_id FROM dedup_exact e WHERE e.scope_kind = 'job' ORDER BY e.scope_id LIMIT 1)
            UNION ALL
            SELECT (SELECT e.scope_id FROM dedup_exact e
                    WHERE e.scope_kind = 'job' AND e.scope_id > s.scope_id ORDER BY e.scope_id LIMIT 1)
            FROM scopes s
            WHERE s.scope_id IS NOT NULL
        ), finished AS MATERIALIZED (
            SELECT s.scope_id FROM scopes s
            WHERE s.scope_id IS NOT NULL
              AND EXISTS (
                  SELECT 1 FROM job_history h
                  WHERE h.id = s.scope_id
                    AND h.finished_at < coalesce($2::timestamptz, now()) - make_interval(hours => $1))
              AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = s.scope_id)
        ), exact AS (
            DELETE FROM dedup_exact
            WHERE ctid = ANY (ARRAY(
                SELECT e.ctid FROM finished f
                CROSS JOIN LATERAL (
                    SELECT x.ctid FROM dedup_exact x WHERE x.scope_kind = 'job' AND x.scope_id = f.scope_id LIMIT $3) e
                LIMIT $3))
            RETURNING 1
        ), shingles AS (
            DELETE FROM dedup_shingles
            WHERE ctid = ANY (ARRAY(
                SELECT e.ctid FROM finished f
                CROSS JOIN LATERAL (
                    SELECT x.ctid FROM dedup_shingles x WHERE x.scope_kind = 'job' AND x.scope_id = f.scope_id LIMIT $3) e
                LIMIT $3))
            RETURNING 1
        )
        SELECT greatest((SELECT count(*) FROM exact), (SELECT count(*) FROM shingles)) AS deleted
        """)
}
