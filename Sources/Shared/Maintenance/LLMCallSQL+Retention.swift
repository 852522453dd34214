/// The statement that retires old provider call records into daily aggregates.
extension LLMCallSQL {
    /// Deletes up to $3 calls older than $1 days before $2 (now() when NULL), oldest first, and adds them in
    /// the same statement to llm_call_daily (per UTC day, provider, model and the API key owning the call's job,
    /// looked up in jobs, then job_history), so no call is lost from the analytics. Uses llm_calls_created_idx.
    /// Answers the calls deleted and the daily rows written.
    static let rollUpAndDeleteBefore = Statement(
        "LLMCallSQL.rollUpAndDeleteBefore",
        """
        WITH old AS (
            DELETE FROM llm_calls WHERE id IN (
                SELECT id FROM llm_calls
                WHERE created_at < coalesce($2::timestamptz, now()) - make_interval(days => $1)
                ORDER BY created_at
                LIMIT $3)
            RETURNING job_id, created_at, provider, model, status, tokens_in, tokens_out, cost_usd, latency_ms
        ), rolled AS (
            INSERT INTO llm_call_daily AS d (day, provider, model, key_id, calls, cached, rate_limited, errors,
                                             tokens_in, tokens_out, cost_usd, latency_ms_total)
            SELECT (created_at AT TIME ZONE 'UTC')::date, provider, model, owner_key.key_id, count(*),
                   count(*) FILTER (WHERE status = 'cached'), count(*) FILTER (WHERE status = 'rate_limited'),
                   count(*) FILTER (WHERE status IN ('retryable', 'fatal')), sum(tokens_in), sum(tokens_out),
                   sum(cost_usd), sum(latency_ms)
            FROM old
            -- As llm_usage_daily resolves it (sql/0025): one owner per call, even for a job that is moving.
            CROSS JOIN LATERAL (
                SELECT coalesce((SELECT j.owner_key_id FROM jobs AS j WHERE j.id = old.job_id),
                                (SELECT h.owner_key_id FROM job_history AS h WHERE h.id = old.job_id LIMIT 1))
                           AS key_id
            ) AS owner_key
            GROUP BY 1, 2, 3, 4
            ON CONFLICT (day, provider, model, key_id) DO UPDATE SET
                calls = d.calls + excluded.calls, cached = d.cached + excluded.cached,
                rate_limited = d.rate_limited + excluded.rate_limited, errors = d.errors + excluded.errors,
                tokens_in = d.tokens_in + excluded.tokens_in, tokens_out = d.tokens_out + excluded.tokens_out,
                cost_usd = d.cost_usd + excluded.cost_usd,
                latency_ms_total = d.latency_ms_total + excluded.latency_ms_total
            RETURNING 1
        )
        SELECT (SELECT count(*) FROM old) AS deleted, (SELECT count(*) FROM rolled) AS days
        """)
}
