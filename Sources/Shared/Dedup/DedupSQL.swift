/// Every statement on the de-duplication index (sql/0011_dedup_index.sql).
enum DedupSQL {
    /// Checks a batch of samples in order under scope ($1, $2) — ids $3, content hashes $4, band keys $5 (16
    /// per sample, concatenated), shingle hashes $6 (concatenated, sample i's ending at $7[i]) — against
    /// threshold $8, and records each unique one; one row per sample, `item` its 1-based position.
    /// `dedup_check_and_record` holds its advisory locks until the caller's transaction ends. Candidates
    /// come from `dedup_bands_lookup_idx`, exact matches from `dedup_exact`'s unique index.
    static let recordIfUnique = Statement(
        "DedupSQL.recordIfUnique",
        """
        SELECT item, verdict, duplicate_of, jaccard
        FROM dedup_check_and_record($1, $2, $3::uuid[], $4::text[], $5::bigint[], $6::bigint[], $7::integer[], $8)
        ORDER BY item
        """)
}
