/// The review of one job, assembled in PostgreSQL as one JSON document.
enum JobReviewSQL {
    /// Job $1, hot or finished: its template (name, version, hash pinned at creation), its params (the
    /// rendered variables: product, controls, temperature…), model and parameters, every provider call, every
    /// sample's scores, decision, reasons and lineage, and its audit rows. No row when the job is unknown.
    static let review = Statement(
        "JobReviewSQL.review",
        """
        WITH job AS (
            SELECT id, kind, params, CASE state WHEN 'running' THEN 'running' ELSE 'pending' END AS status,
                   created_at, NULL::timestamptz AS finished_at, NULL::jsonb AS result
            FROM jobs WHERE id = $1
            UNION ALL
            SELECT id, kind, params, outcome, created_at, finished_at, result FROM job_history WHERE id = $1
            LIMIT 1
        )
        SELECT jsonb_build_object(
            'job_id', job.id, 'kind', job.kind, 'status', job.status, 'created_at', api_time(job.created_at),
            'finished_at', api_time(job.finished_at),
            'template', jsonb_build_object(
                'name', job.params->'template', 'version', job.params->'version',
                'hash', job.params->'template_hash', 'kind', job.params->'kind'),
            'params', job.params,
            'model', jsonb_build_object(
                'provider', coalesce(job.result->'metadata'->'provider', job.params->'provider'),
                'model', coalesce(job.result->'metadata'->'model', job.params->'model'),
                'temperature', job.params->'temperature', 'seed', job.params->'seed'),
            'result', job.result,
            'calls', coalesce((
                SELECT jsonb_agg(jsonb_build_object(
                    'id', c.id, 'purpose', c.purpose, 'sample_idx', c.sample_idx, 'provider', c.provider,
                    'model', c.model, 'status', c.status, 'http_status', c.http_status, 'tokens_in', c.tokens_in,
                    'tokens_out', c.tokens_out, 'cost_usd', c.cost_usd, 'latency_ms', c.latency_ms,
                    'attempt', c.attempt, 'error', c.error, 'at', api_time(c.created_at)) ORDER BY c.id)
                FROM llm_calls c WHERE c.job_id = job.id), '[]'),
            'samples', coalesce((
                SELECT jsonb_agg(jsonb_build_object(
                    'id', s.id, 'idx', s.idx, 'kind', s.kind, 'text', s.text, 'template', s.template,
                    'template_version', s.template_version, 'provider', s.provider, 'model', s.model,
                    'temperature', s.temperature, 'scores', s.quality,
                    'decision', CASE WHEN s.kept THEN 'kept' ELSE 'rejected' END,
                    'reasons', coalesce(to_jsonb(string_to_array(s.filter_reason, ',')), '[]'),
                    'lineage', s.lineage, 'content_hash', s.content_hash) ORDER BY s.idx)
                FROM samples s WHERE s.job_id = job.id), '[]'),
            'audit', coalesce((
                SELECT jsonb_agg(jsonb_build_object(
                    'id', a.id, 'at', api_time(a.at), 'actor', a.actor, 'action', a.action, 'request_id', a.request_id,
                    'details', a.details, 'hash', encode(a.hash, 'hex')) ORDER BY a.id)
                FROM audit_log a WHERE a.subject_type = 'job' AND a.subject_id = job.id::text), '[]')
        ) AS review
        FROM job
        """)
}
