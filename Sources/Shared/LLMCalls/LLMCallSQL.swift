/// Every statement on llm_calls.
enum LLMCallSQL {
    /// Records provider requests, $1 a JSON array of rows; the API key is never among the values.
    static let insertMany = Statement(
        "LLMCallSQL.insertMany",
        """
        INSERT INTO llm_calls (job_id, sample_idx, purpose, provider, model, prompt_hash, status, http_status,
                               tokens_in, tokens_out, cost_usd, latency_ms, attempt, error, consumer_id, price_known)
        SELECT job_id, sample_idx, purpose, provider, model, prompt_hash, status, http_status, tokens_in,
               tokens_out, cost_usd, latency_ms, attempt, error, consumer_id, price_known
        FROM jsonb_to_recordset($1::jsonb) AS r(
            job_id uuid, sample_idx integer, purpose text, provider text, model text, prompt_hash text,
            status text, http_status integer, tokens_in integer, tokens_out integer, cost_usd numeric,
            latency_ms double precision, attempt integer, error text, consumer_id text, price_known boolean)
        """)

    /// A job's token and cost totals over its calls (uses llm_calls_job_idx).
    static let totalsByJob = Statement(
        "LLMCallSQL.totalsByJob",
        """
        SELECT coalesce(sum(tokens_in), 0) AS tokens_in, coalesce(sum(tokens_out), 0) AS tokens_out,
               coalesce(sum(cost_usd), 0)::text AS cost_usd, count(*) AS calls
        FROM llm_calls WHERE job_id = $1
        """)

    /// The same totals per purpose (generation, judge, augmentation, similarity).
    static let totalsByJobAndPurpose = Statement(
        "LLMCallSQL.totalsByJobAndPurpose",
        """
        SELECT purpose, coalesce(sum(tokens_in), 0) AS tokens_in, coalesce(sum(tokens_out), 0) AS tokens_out,
               coalesce(sum(cost_usd), 0)::text AS cost_usd, count(*) AS calls
        FROM llm_calls WHERE job_id = $1 GROUP BY purpose ORDER BY purpose
        """)
}
