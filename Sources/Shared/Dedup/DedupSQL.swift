/// Every statement on the de-duplication index (sql/0011_dedup_index.sql, sql/0014_dedup_bucket_locks.sql).
enum DedupSQL {
    /// Checks a batch of samples in order under scope ($1, $2) — ids $3, content hashes $4, band keys $5 (16
    /// per sample, concatenated), shingle hashes $6 (concatenated, sample i's ending at $7[i]) — against
    /// threshold $8, and records each unique one; one row per sample, `item` its 1-based position.
    /// `dedup_check_and_record` holds its advisory locks (one per bucket of band keys, 64 at most) until the
    /// caller's transaction ends. It handles the batch set-wise (one query per step for all samples, one insert
    /// per table): exact matches come from `dedup_exact`'s unique index, candidates and their shingles from a
    /// scan of `dedup_shingles_band_keys_idx` (GIN over each sample's scoped band keys) per sample; samples of
    /// the batch are compared with each other in memory, in order, so the verdicts are those of checking and
    /// recording one sample at a time.
    static let recordIfUnique = Statement(
        "DedupSQL.recordIfUnique",
        """
        SELECT item, verdict, duplicate_of, jaccard
        FROM dedup_check_and_record($1, $2, $3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::integer[], $8)
        ORDER BY item
        """)

    /// Removes samples $3 (content hashes $4, in the same order) from scope ($1, $2): point deletes through
    /// `dedup_exact`'s unique (scope, hash) index and `dedup_shingles`' primary key.
    static let forget = Statement(
        "DedupSQL.forget",
        """
        WITH exact AS (
            DELETE FROM dedup_exact x
            USING unnest($3::uuid[], $4::text[]) AS f (sample_id, content_hash)
            WHERE x.scope_kind = $1 AND x.scope_id = $2 AND x.content_hash = f.content_hash
              AND x.sample_id = f.sample_id
        )
        DELETE FROM dedup_shingles WHERE scope_kind = $1 AND scope_id = $2 AND sample_id = ANY ($3::uuid[])
        """)
}
