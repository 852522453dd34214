-- Cost by API key: a provider call belongs to the key that owns its job (jobs.owner_key_id while the job runs,
-- job_history.owner_key_id once it is archived). Calls do not store it; it is looked up when the calls are
-- read and when retention rolls them up, so the hot insert path stays as it is. The daily roll-up keeps the
-- key as part of its key, so a rolled-up day still splits by key. NULL is a call without a job, or whose job
-- had no owner (the API without keys) or is gone.

-- Days rolled up before this migration no longer know their calls' jobs: they stay anonymous (NULL).
ALTER TABLE llm_call_daily ADD COLUMN key_id text;
-- A primary key cannot hold NULL; a unique constraint whose NULLs are equal keeps one row per anonymous day
-- and lets the roll-up's ON CONFLICT find it.
ALTER TABLE llm_call_daily DROP CONSTRAINT llm_call_daily_pkey;
ALTER TABLE llm_call_daily ADD CONSTRAINT llm_call_daily_day_key
    UNIQUE NULLS NOT DISTINCT (day, provider, model, key_id);

-- key_id is added last so views over this one (analytics.cost_daily) stay as they are.
CREATE OR REPLACE VIEW llm_usage_daily AS
SELECT day, provider, model, sum(calls) AS calls, sum(cached) AS cached, sum(rate_limited) AS rate_limited,
       sum(errors) AS errors, sum(tokens_in) AS tokens_in, sum(tokens_out) AS tokens_out,
       sum(cost_usd) AS cost_usd, sum(latency_ms_total) / nullif(sum(calls), 0) AS latency_ms_avg, key_id
FROM (
    SELECT day, provider, model, key_id, calls, cached, rate_limited, errors, tokens_in, tokens_out, cost_usd,
           latency_ms_total
    FROM llm_call_daily
    UNION ALL
    SELECT (c.created_at AT TIME ZONE 'UTC')::date, c.provider, c.model, o.key_id, count(*),
           count(*) FILTER (WHERE c.status = 'cached'), count(*) FILTER (WHERE c.status = 'rate_limited'),
           count(*) FILTER (WHERE c.status IN ('retryable', 'fatal')), sum(c.tokens_in), sum(c.tokens_out),
           sum(c.cost_usd), sum(c.latency_ms)
    FROM llm_calls AS c
    -- Scalar lookups, so a job found in both tables (while it moves) or twice in history counts its calls once.
    CROSS JOIN LATERAL (
        SELECT coalesce((SELECT j.owner_key_id FROM jobs AS j WHERE j.id = c.job_id),
                        (SELECT h.owner_key_id FROM job_history AS h WHERE h.id = c.job_id LIMIT 1)) AS key_id
    ) AS o
    GROUP BY 1, 2, 3, 4
) AS days
GROUP BY day, provider, model, key_id;

-- Same columns in the same order as 0017's, so queries written against it keep working; key_id is now real.
CREATE OR REPLACE VIEW analytics.cost_daily AS
SELECT day, provider, model, key_id, calls, cached, rate_limited, errors, tokens_in, tokens_out, cost_usd,
       latency_ms_avg
FROM public.llm_usage_daily;

-- Replacing a view or altering a table keeps their grants (sql/0023's for the api and consumer roles);
-- granted again in case a different owner runs this migration.
GRANT SELECT ON analytics.cost_daily TO analytics;
