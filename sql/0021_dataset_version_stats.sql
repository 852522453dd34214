-- Statistics of every committed dataset version for SQL users, as GET /api/datasets/{name}/versions/{n}
-- answers them: samples, counts by template and by augmentation strategy ("original" for a sample that is no
-- variant), the mean overall quality (samples without the score left out), and the cost of the provider calls
-- of the jobs its samples come from (all of each job's calls, rejected samples' included: they were paid for).
-- Calls already rolled up into llm_call_daily by retention no longer name their job and are not counted.
CREATE VIEW analytics.dataset_version_stats AS
WITH members AS (
    SELECT v.version_id, s.job_id, s.template,
           coalesce(s.lineage ->> 'augmentation_strategy', 'original') AS strategy,
           analytics.score(s.quality, 'overall') AS overall
    FROM public.dataset_version_samples AS v
    JOIN public.samples AS s ON s.job_id = v.job_id AND s.idx = v.idx
), by_template AS (
    SELECT version_id, jsonb_object_agg(template, n ORDER BY template) AS counts
    FROM (SELECT version_id, template, count(*) AS n FROM members GROUP BY 1, 2) AS t
    GROUP BY version_id
), by_strategy AS (
    SELECT version_id, jsonb_object_agg(strategy, n ORDER BY strategy) AS counts
    FROM (SELECT version_id, strategy, count(*) AS n FROM members GROUP BY 1, 2) AS t
    GROUP BY version_id
), quality AS (
    SELECT version_id, avg(overall) AS mean_overall, count(DISTINCT job_id) AS jobs
    FROM members GROUP BY version_id
), cost AS (
    SELECT j.version_id, sum(c.cost_usd) AS cost_usd
    FROM (SELECT DISTINCT version_id, job_id FROM members) AS j
    JOIN public.llm_calls AS c ON c.job_id = j.job_id
    GROUP BY j.version_id
)
SELECT d.name AS dataset, v.version, v.id AS version_id, v.created_at, v.created_by, v.sample_count,
       coalesce(t.counts, '{}') AS by_template, coalesce(st.counts, '{}') AS by_strategy,
       q.mean_overall, coalesce(q.jobs, 0) AS jobs, coalesce(c.cost_usd, 0)::double precision AS cost_usd
FROM public.dataset_versions AS v
JOIN public.datasets AS d ON d.id = v.dataset_id
LEFT JOIN by_template AS t ON t.version_id = v.id
LEFT JOIN by_strategy AS st ON st.version_id = v.id
LEFT JOIN quality AS q ON q.version_id = v.id
LEFT JOIN cost AS c ON c.version_id = v.id;

-- sql/0017's default privileges cover views made by the role that ran it; granted here as well in case a
-- different owner runs this migration.
GRANT SELECT ON analytics.dataset_version_stats TO analytics;
