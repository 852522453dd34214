/// Every statement on llm_calls.
enum LLMCallSQL {
    /// Records one provider request; the API key is never among the values.
    static let insert = Statement(
        "LLMCallSQL.insert",
        """
        INSERT INTO llm_calls (job_id, sample_idx, purpose, provider, model, prompt_hash, status, http_status,
                               tokens_in, tokens_out, cost_usd, latency_ms, attempt, error, consumer_id, price_known)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::numeric, $12, $13, $14, $15, $16)
        """)

    /// A job's token and cost totals over its calls (uses llm_calls_job_idx).
    static let totalsByJob = Statement(
        "LLMCallSQL.totalsByJob",
        """
        SELECT coalesce(sum(tokens_in), 0) AS tokens_in, coalesce(sum(tokens_out), 0) AS tokens_out,
               coalesce(sum(cost_usd), 0)::text AS cost_usd, count(*) AS calls
        FROM llm_calls WHERE job_id = $1
        """)
}
