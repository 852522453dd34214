extension SampleSQL {
    /// The quality filter's counters over all samples, or those of template $2 ($1 unused), in one scan; $3
    /// names the scores to average. Reason codes come from `filter_reason` (comma-joined, NULL when kept),
    /// anything after a `:` dropped. No index: it reads every sample in scope.
    static let qualityStats = Statement(
        "SampleSQL.qualityStats", qualityStatsQuery(scope: "($1::uuid IS NULL) AND ($2::text IS NULL OR template = $2)"))

    /// The same for the samples of job $1 (and template $2): through the primary key, so a consumer finishing a
    /// job reads only that job's samples (a generic plan of one statement with `$1 IS NULL OR job_id = $1`
    /// scanned them all).
    static let qualityStatsOfJob = Statement(
        "SampleSQL.qualityStatsOfJob", qualityStatsQuery(scope: "job_id = $1 AND ($2::text IS NULL OR template = $2)"))

    private static func qualityStatsQuery(scope: String) -> String {
        """
        WITH s AS (
            SELECT kept, quality,
                   ARRAY(SELECT split_part(btrim(code), ':', 1)
                         FROM unnest(string_to_array(filter_reason, ',')) AS code
                         WHERE btrim(code) <> '') AS codes
            FROM samples
            WHERE \(scope)
        )
        SELECT count(*) AS total_processed,
               count(*) FILTER (WHERE kept) AS passed_filter,
               count(*) FILTER (WHERE codes && ARRAY['too_short', 'too_long']) AS failed_length,
               count(*) FILTER (WHERE 'below_threshold' = ANY (codes)
                                   OR EXISTS (SELECT 1 FROM unnest(codes) AS code
                                              WHERE starts_with(code, 'low_'))) AS failed_quality,
               count(*) FILTER (WHERE codes && ARRAY['duplicate', 'near_duplicate']) AS failed_duplicate,
               count(*) FILTER (WHERE 'contains_pii' = ANY (codes)) AS failed_pii,
               (SELECT coalesce(jsonb_agg(jsonb_build_array(code, n) ORDER BY code), '[]')
                FROM (SELECT code, count(*) AS n FROM s, unnest(s.codes) AS code GROUP BY code) AS r) AS by_reason,
               (SELECT coalesce(jsonb_object_agg(key, mean), '{}')
                FROM (SELECT key, avg((value #>> '{}')::double precision) AS mean
                      FROM s, jsonb_each(s.quality)
                      WHERE key = ANY ($3::text[]) AND jsonb_typeof(value) = 'number'
                      GROUP BY key) AS m) AS mean_scores
        FROM s
        """
    }
}
