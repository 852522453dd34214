/// Every statement on the de-duplication index (sql/0011_dedup_index.sql).
enum DedupSQL {
    /// Checks sample $3 under scope ($1, $2) by content hash $4, band keys $5 and shingle hashes $6 against
    /// threshold $7, and records it only if it is unique; one call is one transaction's worth of work
    /// (`dedup_check_and_record` takes its advisory locks until the caller's transaction ends). Candidates
    /// come from `dedup_bands_lookup_idx` and the exact match from `dedup_exact`'s unique index.
    static let recordIfUnique = Statement(
        "DedupSQL.recordIfUnique",
        """
        SELECT verdict, duplicate_of, jaccard
        FROM dedup_check_and_record($1, $2, $3, $4, $5::bigint[], $6::bigint[], $7)
        """)
}
