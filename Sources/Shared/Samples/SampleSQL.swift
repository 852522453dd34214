/// Every statement on samples.
enum SampleSQL {
    /// Stores sample ($1 job, $2 idx) only while consumer $15 holds the job's lease (fencing); a sample
    /// already stored under the same key is left as it was, so a resumed job never duplicates one.
    static let insertIfOwned = Statement(
        "SampleSQL.insertIfOwned",
        """
        INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                             temperature, text, tokens_estimated, provider, model, metadata)
        SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb
        WHERE EXISTS (SELECT 1 FROM jobs WHERE id = $1 AND lease_owner = $15 AND state = 'running')
        ON CONFLICT (job_id, idx) DO NOTHING
        RETURNING idx
        """)

    /// The indices a job already has, so a resumed run produces only the missing ones.
    static let indicesByJob = Statement(
        "SampleSQL.indicesByJob",
        "SELECT idx FROM samples WHERE job_id = $1")

    /// A job's samples in index order, all or only kept ($2) or only filtered; uses the primary key.
    static let listByJob = Statement(
        "SampleSQL.listByJob",
        """
        SELECT idx, id, kind, product, prompt_version, temperature, text, tokens_estimated, provider, model,
               quality, kept, filter_reason, lineage, metadata, generated_at
        FROM samples
        WHERE job_id = $1 AND ($2::boolean IS NULL OR kept = $2)
        ORDER BY idx
        LIMIT $3 OFFSET $4
        """)

    /// Count and token sum of a job's kept samples: the result totals.
    static let totalsByJob = Statement(
        "SampleSQL.totalsByJob",
        """
        SELECT count(*) AS samples, coalesce(sum(tokens_estimated), 0) AS tokens
        FROM samples WHERE job_id = $1 AND kept
        """)
}
