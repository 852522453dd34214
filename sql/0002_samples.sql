-- Samples are written one by one as the provider produces them, keyed (job_id, idx): a retried or rescued
-- job resumes where it stopped and can neither duplicate nor lose a paid-for sample. Every provider call is
-- kept in llm_calls with its tokens and cost.

CREATE TABLE samples (
    job_id           uuid             NOT NULL,
    idx              integer          NOT NULL CHECK (idx >= 0),
    id               uuid             NOT NULL UNIQUE,
    kind             text             NOT NULL,
    product          text             NOT NULL,
    template         text             NOT NULL,
    template_version text             NOT NULL,
    prompt_version   text             NOT NULL,
    temperature      double precision NOT NULL,
    text             text             NOT NULL,
    tokens_estimated integer          NOT NULL CHECK (tokens_estimated >= 0),
    provider         text             NOT NULL,
    model            text             NOT NULL,
    quality          jsonb            NOT NULL DEFAULT '{}',
    kept             boolean          NOT NULL DEFAULT true,
    filter_reason    text,
    -- Augmented samples: source sample, strategy and changes.
    lineage          jsonb,
    metadata         jsonb            NOT NULL DEFAULT '{}',
    generated_at     timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, idx)
);

CREATE TABLE llm_calls (
    id          bigserial        PRIMARY KEY,
    job_id      uuid,
    sample_idx  integer,
    purpose     text             NOT NULL,
    provider    text             NOT NULL,
    model       text             NOT NULL,
    prompt_hash text             NOT NULL,
    status      text             NOT NULL CHECK (status IN ('ok', 'rate_limited', 'retryable', 'fatal')),
    http_status integer,
    tokens_in   integer          NOT NULL DEFAULT 0,
    tokens_out  integer          NOT NULL DEFAULT 0,
    cost_usd    numeric(14, 8)   NOT NULL DEFAULT 0,
    latency_ms  double precision NOT NULL,
    attempt     integer          NOT NULL DEFAULT 1,
    error       text,
    consumer_id text,
    created_at  timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_job_idx ON llm_calls (job_id);
CREATE INDEX llm_calls_created_idx ON llm_calls (created_at);
