-- The cluster-wide rate budget per provider and model, shared by every consumer on every machine.
--
-- Each limit is a generic cell rate (GCRA): its *_tat column is the theoretical arrival time of the next unit
-- of budget. Reserving n units moves it forward by n × (60 s / limit), starting no earlier than now, and the
-- reserver may use the units only from the old value on; so the provider never sees more than its limit in
-- any minute, however many consumers reserve. Consumers reserve small slices (a second's worth or less), so
-- the row is written a few times a second, not once per call.
CREATE TABLE rate_budgets (
    provider        text        NOT NULL,
    model           text        NOT NULL,
    -- Per minute; NULL is unlimited. Configured limits win over limits learned from response headers.
    rpm             integer     CHECK (rpm > 0),
    tpm             integer     CHECK (tpm > 0),
    input_tpm       integer     CHECK (input_tpm > 0),
    output_tpm      integer     CHECK (output_tpm > 0),
    max_in_flight   integer     CHECK (max_in_flight > 0),
    limits_source   text        NOT NULL DEFAULT 'config' CHECK (limits_source IN ('config', 'headers', 'none')),
    request_tat     timestamptz NOT NULL DEFAULT now(),
    token_tat       timestamptz NOT NULL DEFAULT now(),
    input_tat       timestamptz NOT NULL DEFAULT now(),
    output_tat      timestamptz NOT NULL DEFAULT now(),
    -- After a 429 or an exhausted budget reported by the provider: nobody sends before this.
    paused_until    timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, model)
) WITH (fillfactor = 50);

-- Requests in flight per consumer, written when a consumer reserves and when it heartbeats; the cluster's
-- in-flight count is the sum over live consumers.
CREATE TABLE rate_in_flight (
    provider    text        NOT NULL,
    model       text        NOT NULL,
    consumer_id text        NOT NULL,
    in_flight   integer     NOT NULL CHECK (in_flight >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (provider, model, consumer_id)
);

-- Calls answered from the response cache cost nothing and reach no provider.
ALTER TABLE llm_calls DROP CONSTRAINT llm_calls_status_check;
ALTER TABLE llm_calls ADD CONSTRAINT llm_calls_status_check
    CHECK (status IN ('ok', 'cached', 'rate_limited', 'retryable', 'fatal'));
-- Prices per million tokens have up to four decimals, so a call's cost needs ten.
ALTER TABLE llm_calls ALTER COLUMN cost_usd TYPE numeric(18, 10);
-- false when the price table did not know the model: its cost is recorded as 0, not guessed.
ALTER TABLE llm_calls ADD COLUMN price_known boolean NOT NULL DEFAULT true;
CREATE INDEX llm_calls_provider_created_idx ON llm_calls (provider, model, created_at);

-- Provider answers keyed by a fingerprint of everything that determines them (provider, model, messages,
-- parameters, seed, sample index); used for deterministic calls (temperature 0 or a seed).
CREATE TABLE llm_response_cache (
    fingerprint bytea       PRIMARY KEY,
    provider    text        NOT NULL,
    model       text        NOT NULL,
    texts       jsonb       NOT NULL,
    tokens_in   integer     NOT NULL,
    tokens_out  integer     NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Reserves up to p_wanted request slots for one consumer, pacing at p_utilisation (e.g. 0.98) of each limit, each estimated at p_input / p_output tokens, and
-- applies the token corrections of its finished calls (reported usage minus the estimate reserved).
--
-- Slots are evenly spaced by the slowest of the limits, starting no earlier than now, the pause and every
-- limit's theoretical arrival time; only slots starting within p_horizon seconds are granted (at least one
-- when any is wanted and the in-flight limit allows), so a consumer holds at most a moment's budget.
-- Returns the slots granted, when the first may start (the database's clock), the spacing, and now.
CREATE FUNCTION rate_reserve(
    p_provider text, p_model text, p_consumer text, p_wanted integer, p_input integer, p_output integer,
    p_horizon double precision, p_in_flight integer, p_stale_seconds double precision,
    p_adjust_input bigint, p_adjust_output bigint, p_utilisation double precision)
RETURNS TABLE (granted integer, first_at timestamptz, step_seconds double precision, db_now timestamptz)
LANGUAGE plpgsql AS $$
DECLARE
    b rate_budgets%ROWTYPE;
    now_ts timestamptz := clock_timestamp();
    req_step double precision;
    tok_step double precision;
    in_step double precision;
    out_step double precision;
    step double precision;
    start_ts timestamptz;
    allowed integer := p_wanted;
    others integer;
    last_ts timestamptz;
BEGIN
    INSERT INTO rate_budgets (provider, model, limits_source) VALUES (p_provider, p_model, 'none')
    ON CONFLICT DO NOTHING;
    SELECT * INTO b FROM rate_budgets WHERE provider = p_provider AND model = p_model FOR UPDATE;
    -- Spacing at a little under each limit leaves room for the jitter between sending and arriving.
    req_step := CASE WHEN b.rpm IS NULL THEN 0 ELSE 60.0 / (b.rpm * p_utilisation) END;
    tok_step := CASE WHEN b.tpm IS NULL THEN 0 ELSE 60.0 * (p_input + p_output) / (b.tpm * p_utilisation) END;
    in_step := CASE WHEN b.input_tpm IS NULL THEN 0 ELSE 60.0 * p_input / (b.input_tpm * p_utilisation) END;
    out_step := CASE WHEN b.output_tpm IS NULL THEN 0 ELSE 60.0 * p_output / (b.output_tpm * p_utilisation) END;
    step := greatest(req_step, tok_step, in_step, out_step);
    -- Corrections move the token cells by what the finished calls really used.
    IF b.tpm IS NOT NULL THEN
        b.token_tat := b.token_tat + make_interval(secs => 60.0 * (p_adjust_input + p_adjust_output) / b.tpm);
    END IF;
    IF b.input_tpm IS NOT NULL THEN
        b.input_tat := b.input_tat + make_interval(secs => 60.0 * p_adjust_input / b.input_tpm);
    END IF;
    IF b.output_tpm IS NOT NULL THEN
        b.output_tat := b.output_tat + make_interval(secs => 60.0 * p_adjust_output / b.output_tpm);
    END IF;
    IF b.max_in_flight IS NOT NULL THEN
        SELECT coalesce(sum(f.in_flight), 0) INTO others
        FROM rate_in_flight f JOIN consumers c ON c.id = f.consumer_id
        WHERE f.provider = p_provider AND f.model = p_model AND f.consumer_id <> p_consumer
          AND c.stopped_at IS NULL AND c.heartbeat_at > now_ts - make_interval(secs => p_stale_seconds);
        allowed := least(allowed, greatest(0, b.max_in_flight - others - p_in_flight));
    END IF;
    start_ts := greatest(now_ts, coalesce(b.paused_until, now_ts), b.request_tat, b.token_tat, b.input_tat,
                         b.output_tat);
    IF step > 0 AND allowed > 1 THEN
        allowed := least(allowed, 1 + greatest(0, floor(
            extract(epoch FROM (now_ts + make_interval(secs => p_horizon) - start_ts)) / step))::integer);
    END IF;
    IF allowed > 0 THEN
        last_ts := start_ts + make_interval(secs => step * (allowed - 1));
        b.request_tat := last_ts + make_interval(secs => req_step);
        b.token_tat := greatest(b.token_tat, last_ts) + make_interval(secs => tok_step);
        b.input_tat := greatest(b.input_tat, last_ts) + make_interval(secs => in_step);
        b.output_tat := greatest(b.output_tat, last_ts) + make_interval(secs => out_step);
    END IF;
    UPDATE rate_budgets SET request_tat = b.request_tat, token_tat = b.token_tat, input_tat = b.input_tat,
                            output_tat = b.output_tat, updated_at = now_ts
    WHERE provider = p_provider AND model = p_model;
    INSERT INTO rate_in_flight (provider, model, consumer_id, in_flight, updated_at)
    VALUES (p_provider, p_model, p_consumer, p_in_flight + greatest(allowed, 0), now_ts)
    ON CONFLICT (provider, model, consumer_id)
    DO UPDATE SET in_flight = excluded.in_flight, updated_at = excluded.updated_at;
    RETURN QUERY SELECT greatest(allowed, 0), start_ts, step, now_ts;
END;
$$;
