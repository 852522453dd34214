#!/usr/bin/env bash
# API throughput against a running stack (bench/run.sh brings one up; it needs 0 stack consumers).
#
# Creates one completed job (POST /api/generate, count 5, one consumer started for it and stopped
# again), then runs wrk -t2 -c32 on GET /health (no database: the nginx + FastCGI ceiling) and on
# GET /api/result/{id} (a finished job: served from nginx's cache after the first request), and on
# GET /api/jobs/{id}/samples (the uncached handler path: two queries per request), each after a short
# unmeasured warm-up; then GET /api/result/{id} of a job no consumer runs (unfinished, never cached: 32
# pollers of one job must not wait for each other); then the finished job polled with a read key that owns it,
# with the short pool checking keys (DATAFORGE_AUTH=on, for that run only): the cost of bypassing the cache.
# Settings: BENCH_WRK_SECONDS (default 15), BENCH_WRK_CONNECTIONS (default 32).
# Progress goes to stderr; "RESULT name|key=value ..." lines go to stdout.
# Needs the stack's environment (eval "$(scripts/stack.sh env)") and DATAFORGE_BIN_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

DURATION=${BENCH_WRK_SECONDS:-15}
CONNECTIONS=${BENCH_WRK_CONNECTIONS:-32}
: "${DATAFORGE_BASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_HOME:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
BASE=$DATAFORGE_BASE_URL
LOG=$DATAFORGE_HOME/log
PIDS=$DATAFORGE_HOME/pids

say() { echo "api: $*" >&2; }
die() { say "$*"; exit 1; }

CONSUMER_PID=
stop_consumer() {
    [[ -n $CONSUMER_PID ]] || return 0
    local i
    kill -TERM "$CONSUMER_PID" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$CONSUMER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$CONSUMER_PID" 2>/dev/null || true
    wait "$CONSUMER_PID" 2>/dev/null || true
    rm -f "$PIDS/consumer-bench-api.pid"
    CONSUMER_PID=
}
trap stop_consumer EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- one completed job, on an idle queue (the consumer would first work through older jobs)
depth=$(curl -sS --max-time 10 "$BASE/api/health" | jq -r '.queue | "\(.available) \(.running)"') ||
    die "GET /api/health failed"
[[ $depth == "0 0" ]] || die "the queue is not idle (available, running: $depth)"
bin=${DATAFORGE_BIN_DIR:?DATAFORGE_BIN_DIR is not set}/dataforge-consumer
[[ -x $bin ]] || die "$bin not found"
"$bin" >>"$LOG/consumer-bench-api.log" 2>&1 </dev/null &
CONSUMER_PID=$!
echo "$CONSUMER_PID" >"$PIDS/consumer-bench-api.pid"

body=$(curl -sS --fail-with-body --max-time 10 -X POST -H 'Content-Type: application/json' \
    -d '{"product": "Wireless Earbuds", "count": 5}' "$BASE/api/generate") ||
    die "POST /api/generate failed: $body"
ID=$(jq -er '.job_id' <<<"$body") || die "no job_id in: $body"
say "job $ID created, waiting for it to complete"
status=
for ((i = 0; i < 300; i++)); do
    status=$(curl -sS --max-time 5 "$BASE/api/result/$ID" | jq -r '.status') || status=
    case $status in
        completed) break ;;
        error | cancelled) die "job $ID ended as $status" ;;
    esac
    kill -0 "$CONSUMER_PID" 2>/dev/null || die "the consumer exited; read $LOG/consumer-bench-api.log"
    sleep 0.1
done
[[ $status == completed ]] || die "job $ID is still '$status' after 30 s"
samples=$(curl -sS --max-time 5 "$BASE/api/result/$ID" | jq '.result.total_samples')
((samples == 5)) || die "job $ID completed with $samples samples, expected 5"
stop_consumer

# wrk_run NAME URL [HEADER...]: warm-up, measured run; prints "RESULT NAME|rps=… p50_ms=… p99_ms=… errors=…"
wrk_run() {
    local name=$1 url=$2 out rps p50 p99 non2xx sockerr header
    local headers=()
    for header in "${@:3}"; do headers+=(-H "$header"); done
    wrk -t2 -c"$CONNECTIONS" -d2s "${headers[@]}" "$url" >/dev/null
    say "wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency $url"
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "${headers[@]}" "$url")
    printf '%s\n' "$out" >>"$LOG/wrk.log"
    # latencies in ms, whatever unit wrk chose (us, ms, s)
    to_ms='function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; if (v ~ /m$/) return v * 60000; return v + 0 }'
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p50=$(awk "$to_ms"' $1 == "50%" && NF == 2 { printf "%.2f", ms($2) }' <<<"$out")
    p99=$(awk "$to_ms"' $1 == "99%" && NF == 2 { printf "%.2f", ms($2) }' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
    sockerr=$(awk -F'[ ,]+' '/Socket errors:/ { print $4 + $6 + $8 + $10 }' <<<"$out")
    [[ -n $rps && -n $p99 ]] || { printf '%s\n' "$out" >&2; die "cannot parse wrk output"; }
    say "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx ${non2xx:-0}, socket errors ${sockerr:-0}"
    echo "RESULT $name|rps=$rps p50_ms=$p50 p99_ms=$p99 non2xx=${non2xx:-0} socket_errors=${sockerr:-0}"
}

wrk_run health "$BASE/health"
wrk_run result "$BASE/api/result/$ID"
# The same five samples through the handlers and PostgreSQL on every request (never cached by nginx).
wrk_run samples "$BASE/api/jobs/$ID/samples?limit=5"

# ---- a job that stays pending (no consumer runs now): every poll goes to the handler
body=$(curl -sS --fail-with-body --max-time 10 -X POST -H 'Content-Type: application/json' \
    -d '{"product": "Wireless Earbuds", "count": 5}' "$BASE/api/generate") ||
    die "POST /api/generate failed: $body"
PENDING=$(jq -er '.job_id' <<<"$body") || die "no job_id in: $body"
wrk_run poll "$BASE/api/result/$PENDING"
# Cancelled, so the benchmarks that start consumers next find an idle queue.
curl -sS --max-time 10 -X DELETE "$BASE/api/job/$PENDING" >/dev/null || die "DELETE /api/job/$PENDING failed"

# ---- the finished job polled with an API key while the handlers check keys (DATAFORGE_AUTH=on): nginx's
# cache is bypassed for every request carrying a key (ResultCacheTests), so each poll reaches a handler, which
# finds the key by its hash and reads the job only if the key owns it. The pools run with keys checked for this
# run only.
# restart_pool on|off: both pools started again with DATAFORGE_AUTH so; checked with a request without a key.
restart_pool() {
    local code expected=200
    [[ $1 == on ]] && expected=401
    DATAFORGE_AUTH=$1 scripts/stack.sh restart-pools >/dev/null || return 1
    code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/api/jobs?limit=1") || return 1
    [[ $code == "$expected" ]] || { say "keys $1: GET /api/jobs without a key got HTTP $code"; return 1; }
}
KEYED=
# Runs on exit too: whatever failed, the stack is left with keys off for the benchmarks after this one.
stop_keyed() {
    [[ -n $KEYED ]] || return 0
    KEYED=
    restart_pool off || say "could not restart the pools with keys off"
}
trap 'stop_consumer; stop_keyed' EXIT
key=$("$DATAFORGE_BIN_DIR/dataforge" keys create --name bench-keyed-poll --scopes read 2>/dev/null) ||
    die "dataforge keys create failed"
psql -X -q -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" -c "UPDATE job_history SET owner_key_id =
    (SELECT id FROM api_keys WHERE name = 'bench-keyed-poll' ORDER BY created_at DESC LIMIT 1) WHERE id = '$ID'" ||
    die "cannot give job $ID to the key"
KEYED=1
restart_pool on || die "the pools did not start with keys checked"
code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer $key" "$BASE/api/result/$ID")
[[ $code == 200 ]] || die "the job's key polled it and got HTTP $code, not 200"
code=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 5 -H "Authorization: Bearer df_not_a_key" \
    "$BASE/api/result/$ID")
[[ $code == 401 ]] || die "with keys checked, an unknown key's poll got HTTP $code, not 401"
wrk_run keyed "$BASE/api/result/$ID" "Authorization: Bearer $key"
KEYED=
restart_pool off || die "the pools did not come back with keys off"
