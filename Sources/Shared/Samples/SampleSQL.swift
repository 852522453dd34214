/// Every statement on samples.
enum SampleSQL {
    /// Stores the samples of $1 (a JSON array of rows) whose job consumer $2 still holds (fencing); a sample
    /// already stored under the same key is left as it was, so a resumed job never duplicates one.
    static let insertManyIfOwned = Statement(
        "SampleSQL.insertManyIfOwned",
        """
        INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                             temperature, text, tokens_estimated, provider, model, quality, kept, filter_reason,
                             lineage, content_hash, metadata)
        SELECT r.job_id, r.idx, r.id, r.kind, r.product, r.template, r.template_version, r.prompt_version,
               r.temperature, r.text, r.tokens_estimated, r.provider, r.model, coalesce(r.quality, '{}'),
               r.kept, r.filter_reason, r.lineage, r.content_hash, coalesce(r.metadata, '{}')
        FROM jsonb_to_recordset($1::jsonb) AS r(
            job_id uuid, idx integer, id uuid, kind text, product text, template text, template_version text,
            prompt_version text, temperature double precision, text text, tokens_estimated integer,
            provider text, model text, quality jsonb, kept boolean, filter_reason text, lineage jsonb,
            content_hash text, metadata jsonb)
        WHERE EXISTS (SELECT 1 FROM jobs WHERE id = r.job_id AND lease_owner = $2 AND state = 'running')
        ON CONFLICT (job_id, idx) DO NOTHING
        """)

    /// The indices a job already has, so a resumed run produces only the missing ones.
    static let indicesByJob = Statement(
        "SampleSQL.indicesByJob",
        "SELECT idx, kept FROM samples WHERE job_id = $1")

    /// A job's samples in index order, all or only kept ($2) or only filtered; uses the primary key.
    static let listByJob = Statement(
        "SampleSQL.listByJob",
        """
        SELECT idx, id, kind, product, template, template_version, prompt_version, temperature, text,
               tokens_estimated, provider, model, quality, kept, filter_reason, lineage, content_hash, metadata,
               generated_at
        FROM samples
        WHERE job_id = $1 AND ($2::boolean IS NULL OR kept = $2)
        ORDER BY idx
        LIMIT $3 OFFSET $4
        """)

    /// Count and token sum of a job's kept samples: the result totals.
    static let totalsByJob = Statement(
        "SampleSQL.totalsByJob",
        """
        SELECT count(*) AS samples, count(*) FILTER (WHERE lineage IS NULL) AS originals,
               coalesce(sum(tokens_estimated), 0) AS tokens
        FROM samples WHERE job_id = $1 AND kept
        """)

    /// A job's kept originals (not augmented variants) in index order: what its augmentation starts from.
    static let keptOriginalsByJob = Statement(
        "SampleSQL.keptOriginalsByJob",
        "SELECT idx, text FROM samples WHERE job_id = $1 AND kept AND lineage IS NULL ORDER BY idx")

    /// A job's augmented variants counted per strategy, decision and reason codes.
    static let augmentationOutcomesByJob = Statement(
        "SampleSQL.augmentationOutcomesByJob",
        """
        SELECT lineage->>'augmentation_strategy' AS strategy, kept, coalesce(filter_reason, '') AS reasons,
               count(*) AS samples
        FROM samples WHERE job_id = $1 AND lineage IS NOT NULL
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """)
}
