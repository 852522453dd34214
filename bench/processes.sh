# Sourced by the benchmarks that start their own fake provider and consumers on a running stack:
# `sql`, `start_fake`, `start_consumers`, `stop_consumers`, `enqueue_reviews`, `drain_case`, and a cleanup on exit that stops
# them and empties the tables a next run would otherwise pick up. Needs BENCH_NAME (names the logs), DATAFORGE_DATABASE_URL and
# DATAFORGE_BIN_DIR; LOG defaults to the stack's log directory.

: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_BIN_DIR:?set DATAFORGE_BIN_DIR}"
LOG=${LOG:-$DATAFORGE_HOME/log}

sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" -c "$1"; }

FAKE_PID=
CONSUMER_PIDS=()
stop_consumers() {
    local pid
    for pid in "${CONSUMER_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${CONSUMER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    CONSUMER_PIDS=()
}
cleanup() {
    stop_consumers
    [[ -z $FAKE_PID ]] || { kill "$FAKE_PID" 2>/dev/null || true; wait "$FAKE_PID" 2>/dev/null || true; }
    # Jobs left over would be claimed by the next run's consumers.
    sql "TRUNCATE jobs, samples, llm_calls, llm_response_cache, rate_budgets, rate_in_flight, dedup_exact,
         dedup_shingles" || true
}
trap cleanup EXIT

# start_fake ARGS...: the fake on a free port; sets FAKE_URL.
start_fake() {
    local port
    port=$(free_port "$DATAFORGE_HTTP_PORT")
    python3 Tests/FakeProvider/fake_provider.py --port "$port" "$@" >"$LOG/fake-$BENCH_NAME.log" 2>&1 &
    FAKE_PID=$!
    for _ in $(seq 100); do grep -q '^listening' "$LOG/fake-$BENCH_NAME.log" && break; sleep 0.1; done
    FAKE_URL=http://127.0.0.1:$port
}

# start_consumers COUNT VAR=VALUE...: consumers calling the fake as OpenAI, with extra settings.
start_consumers() {
    local count=$1 i
    shift
    for ((i = 1; i <= count; i++)); do
        env OPENAI_BASE_URL="$FAKE_URL/v1" OPENAI_API_KEY=sk-bench DATAFORGE_LOG_LEVEL=warning "$@" \
            "$DATAFORGE_BIN_DIR/dataforge-consumer" >>"$LOG/consumer-$BENCH_NAME-$i.log" 2>&1 </dev/null &
        CONSUMER_PIDS+=($!)
    done
}

# drain_case CASE SECONDS: waits until no job tagged with `bench_case` CASE is left in the queue (SECONDS at
# most), then stops the consumers.
drain_case() {
    local started=$SECONDS
    while (($(sql "SELECT count(*) FROM jobs WHERE params->>'bench_case' = '$1'") > 0)); do
        ((SECONDS - started < $2)) || { echo "$BENCH_NAME: $1: jobs still unfinished after $2 s" >&2; break; }
        sleep 0.5
    done
    stop_consumers
}

# enqueue_reviews CASE JOBS SAMPLES PROVIDER MODEL MEMBERS: JOBS product-review jobs of SAMPLES samples straight
# into the queue table, tagged with `bench_case` CASE; MEMBERS are further `jsonb_build_object` arguments of
# their params (the controls).
enqueue_reviews() {
    sql "INSERT INTO jobs (id, kind, queue, params)
         SELECT gen_random_uuid(), 'generate', 'generation',
                jsonb_build_object('product', 'Bench Earbuds ' || n, 'count', $3, 'version', 'v1',
                                   'temperature', 0.9, 'template', 'product_review', 'kind', 'product_review',
                                   'provider', '$4', 'model', '$5', 'bench_case', '$1', $6)
         FROM generate_series(1, $2) AS n;
         SELECT pg_notify('dataforge_jobs', '')" >/dev/null
}
