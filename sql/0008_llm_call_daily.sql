-- llm_calls gains a row per provider request forever; retention (LLMCallPruner) deletes the old ones.
-- Analytics keep what they need from them: calls, errors, tokens, cost and latency per UTC day, provider
-- and model, rolled up here in the same statement that deletes the calls.
CREATE TABLE llm_call_daily (
    day              date             NOT NULL,
    provider         text             NOT NULL,
    model            text             NOT NULL,
    calls            bigint           NOT NULL,
    -- Answered from the response cache, refused with 429, failed (retryable or fatal).
    cached           bigint           NOT NULL,
    rate_limited     bigint           NOT NULL,
    errors           bigint           NOT NULL,
    tokens_in        bigint           NOT NULL,
    tokens_out       bigint           NOT NULL,
    cost_usd         numeric(24, 10)  NOT NULL,
    latency_ms_total double precision NOT NULL,
    PRIMARY KEY (day, provider, model)
);

-- The same figures over all time: the rolled-up days plus the calls not yet rolled up.
CREATE VIEW llm_usage_daily AS
SELECT day, provider, model, sum(calls) AS calls, sum(cached) AS cached, sum(rate_limited) AS rate_limited,
       sum(errors) AS errors, sum(tokens_in) AS tokens_in, sum(tokens_out) AS tokens_out,
       sum(cost_usd) AS cost_usd, sum(latency_ms_total) / nullif(sum(calls), 0) AS latency_ms_avg
FROM (
    SELECT day, provider, model, calls, cached, rate_limited, errors, tokens_in, tokens_out, cost_usd,
           latency_ms_total
    FROM llm_call_daily
    UNION ALL
    SELECT (created_at AT TIME ZONE 'UTC')::date, provider, model, count(*),
           count(*) FILTER (WHERE status = 'cached'), count(*) FILTER (WHERE status = 'rate_limited'),
           count(*) FILTER (WHERE status IN ('retryable', 'fatal')), sum(tokens_in), sum(tokens_out),
           sum(cost_usd), sum(latency_ms)
    FROM llm_calls
    GROUP BY 1, 2, 3
) AS days
GROUP BY day, provider, model;
