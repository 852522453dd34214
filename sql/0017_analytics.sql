-- Read-only analytics for SQL users: views in schema `analytics` over the service's tables, and an `analytics`
-- role that may read those views and nothing else. The views run with their owner's rights, so the role needs
-- no grant on the tables below them; a statement timeout keeps a careless query from holding the primary (or
-- a replica's replay) for long. Figures come from the rows as stored: samples keep the scores and decisions
-- they were made with, and llm_calls keeps each provider request until retention rolls it up into
-- llm_call_daily (cost and counts survive the roll-up; latency percentiles and purposes do not).

CREATE SCHEMA analytics;

-- Cost and usage per UTC day, provider and model, over the rolled-up days and the calls not yet rolled up
-- (llm_usage_daily). key_id stays NULL: calls do not record the API key that caused them yet; the column is
-- here so queries written today keep their shape when they do.
CREATE VIEW analytics.cost_daily AS
SELECT day, provider, model, NULL::text AS key_id, calls, cached, rate_limited, errors, tokens_in, tokens_out,
       cost_usd, latency_ms_avg
FROM public.llm_usage_daily;

-- One score of a sample's quality column; NULL when it is missing or not a number.
CREATE FUNCTION analytics.score(quality jsonb, name text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN jsonb_typeof(quality -> name) = 'number' THEN (quality ->> name)::double precision END
$$;

-- Per template and version: samples, kept share, and the mean of the overall score and of each component.
-- A score missing from a sample (a component not computed, a sample stored without scores) is left out of its
-- mean rather than counted as 0.
CREATE VIEW analytics.quality_by_template AS
SELECT template, template_version, count(*) AS samples, count(*) FILTER (WHERE kept) AS kept,
       round(count(*) FILTER (WHERE kept)::numeric / count(*), 4) AS kept_share,
       avg(analytics.score(quality, 'overall')) AS mean_overall,
       avg(analytics.score(quality, 'length')) AS mean_length,
       avg(analytics.score(quality, 'grammar')) AS mean_grammar,
       avg(analytics.score(quality, 'lexical_diversity')) AS mean_lexical_diversity,
       avg(analytics.score(quality, 'relevance')) AS mean_relevance,
       avg(analytics.score(quality, 'uniqueness')) AS mean_uniqueness,
       avg(analytics.score(quality, 'coherence')) AS mean_coherence
FROM public.samples
GROUP BY template, template_version;

-- The distribution of the overall score per template and version: ten buckets of 0.1, [low, high), the last
-- one closed so a perfect 1.0 lands in it. Samples without an overall score are not counted.
CREATE VIEW analytics.quality_histogram AS
WITH scored AS (
    SELECT template, template_version, kept, analytics.score(quality, 'overall') AS overall
    FROM public.samples
    WHERE analytics.score(quality, 'overall') IS NOT NULL
)
SELECT template, template_version, bucket, ((bucket - 1) / 10.0)::numeric(2, 1) AS low,
       (bucket / 10.0)::numeric(2, 1) AS high,
       count(*) AS samples, count(*) FILTER (WHERE kept) AS kept
FROM (
    SELECT template, template_version, kept, least(greatest(width_bucket(overall, 0, 1, 10), 1), 10) AS bucket
    FROM scored
) AS bucketed
GROUP BY template, template_version, bucket;

-- Why samples were rejected: one row per UTC day, template, version, augmentation strategy (NULL for
-- originals) and reason code. filter_reason holds comma-joined codes, some with particulars after a `:`
-- (dropped here, as /api/quality-stats does); a sample rejected for two reasons counts once under each.
CREATE VIEW analytics.rejection_reasons AS
SELECT (s.generated_at AT TIME ZONE 'UTC')::date AS day, s.template, s.template_version,
       s.lineage ->> 'augmentation_strategy' AS strategy, r.reason, count(*) AS samples
FROM public.samples AS s
CROSS JOIN LATERAL (
    SELECT split_part(btrim(code), ':', 1) AS reason
    FROM unnest(string_to_array(s.filter_reason, ',')) AS code
    WHERE btrim(code) <> ''
) AS r
WHERE NOT s.kept
GROUP BY 1, 2, 3, 4, 5;

-- Provider latency and errors per provider, model and purpose over the calls retention still keeps
-- (llm_calls): percentiles need the single calls, which the daily roll-up does not keep. Calls answered from
-- the response cache never reached the provider and are left out of the latencies.
CREATE VIEW analytics.provider_latency AS
SELECT provider, model, purpose, count(*) AS calls,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status <> 'cached') AS p50_latency_ms,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE status <> 'cached') AS p95_latency_ms,
       count(*) FILTER (WHERE status = 'ok') AS ok,
       count(*) FILTER (WHERE status = 'cached') AS cached,
       count(*) FILTER (WHERE status = 'rate_limited') AS rate_limited,
       count(*) FILTER (WHERE status IN ('retryable', 'fatal')) AS errors,
       round(count(*) FILTER (WHERE status NOT IN ('ok', 'cached'))::numeric / count(*), 4) AS error_share,
       min(created_at) AS first_call_at, max(created_at) AS last_call_at
FROM public.llm_calls
GROUP BY provider, model, purpose;

-- The same calls by outcome: status and HTTP status (NULL when no answer came), with each one's share of the
-- calls of its provider, model and purpose.
CREATE VIEW analytics.provider_errors AS
SELECT provider, model, purpose, status, http_status, count(*) AS calls,
       round(count(*)::numeric / sum(count(*)) OVER (PARTITION BY provider, model, purpose), 4) AS share
FROM public.llm_calls
GROUP BY provider, model, purpose, status, http_status;

-- What each augmentation strategy yields: variants written, kept and rejected (with the reason codes counted),
-- and the provider calls spent on them (purposes augmentation and similarity, over the calls retention keeps).
-- A call is counted for the strategy of the sample it was made for: a rewrite call for several variants of one
-- original counts once, for its first variant's strategy. Calls made for an original rather than a variant
-- (aspect alternatives, shared by all its variants) or whose sample was never stored are in the row whose
-- strategy is NULL.
CREATE VIEW analytics.augmentation_yield AS
WITH variants AS (
    SELECT lineage ->> 'augmentation_strategy' AS strategy, count(*) AS variants,
           count(*) FILTER (WHERE kept) AS kept, count(*) FILTER (WHERE NOT kept) AS rejected
    FROM public.samples
    WHERE lineage IS NOT NULL
    GROUP BY 1
), reasons AS (
    SELECT strategy, jsonb_object_agg(reason, samples ORDER BY reason) AS rejected_by_reason
    FROM (
        SELECT strategy, reason, sum(samples) AS samples
        FROM analytics.rejection_reasons
        WHERE strategy IS NOT NULL
        GROUP BY strategy, reason
    ) AS r
    GROUP BY strategy
), calls AS (
    SELECT s.lineage ->> 'augmentation_strategy' AS strategy, count(*) AS calls,
           sum(c.cost_usd) AS cost_usd
    FROM public.llm_calls AS c
    LEFT JOIN public.samples AS s ON s.job_id = c.job_id AND s.idx = c.sample_idx
    WHERE c.purpose IN ('augmentation', 'similarity')
    GROUP BY 1
)
SELECT coalesce(v.strategy, c.strategy) AS strategy, coalesce(v.variants, 0) AS variants,
       coalesce(v.kept, 0) AS kept, coalesce(v.rejected, 0) AS rejected,
       coalesce(r.rejected_by_reason, '{}') AS rejected_by_reason,
       coalesce(c.calls, 0) AS calls, coalesce(c.cost_usd, 0) AS cost_usd,
       round(c.calls::numeric / nullif(v.kept, 0), 4) AS calls_per_kept_variant
FROM variants AS v
FULL JOIN calls AS c ON coalesce(c.strategy, '') = coalesce(v.strategy, '')
LEFT JOIN reasons AS r ON r.strategy = coalesce(v.strategy, c.strategy);

-- The reader: NOLOGIN, so it is a set of rights. Give it LOGIN and a password, or make people's login roles
-- members of it (and set their statement_timeout too: role settings apply to the role that logs in). Roles
-- belong to the cluster, not to one database, so another database of the same cluster may have made it.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'analytics') THEN
        CREATE ROLE analytics NOLOGIN;
    END IF;
END
$$;
ALTER ROLE analytics SET statement_timeout = '30s';
GRANT USAGE ON SCHEMA analytics TO analytics;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO analytics;
-- Views added to the schema by later migrations (run by the same owner) are readable without a grant each.
ALTER DEFAULT PRIVILEGES IN SCHEMA analytics GRANT SELECT ON TABLES TO analytics;
