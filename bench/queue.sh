#!/usr/bin/env bash
# Queue throughput against a running stack (bench/run.sh brings one up; it needs 0 stack consumers).
#
#   bench/queue.sh consumers C SLOTS   C dataforge-consumer processes, DATAFORGE_CONSUMER_SLOTS=SLOTS
#   bench/queue.sh pgbench C [BATCH]   the raw PostgreSQL ceiling: pgbench, C clients, same claim CTE
#                                      (BATCH rows, default 50), then a plain DELETE of the claimed rows
#   bench/queue.sh commit              one connection's commit rate with the consumer's heartbeat UPDATE
#
# Each run empties the queue tables, inserts BENCH_JOBS no-op jobs (default 150000) with psql,
# VACUUM ANALYZEs and CHECKPOINTs, then drains the queue; the time until no job is left in jobs
# (polled every 100 ms through the partial indexes) gives jobs/s. A run stops after BENCH_QUEUE_MAX_SECONDS (default 15)
# and then counts the jobs done so far ("capped"). The queue tables are emptied again afterwards.
# Progress goes to stderr; one line "RESULT name|key=value ..." goes to stdout.
# Needs the stack's environment (eval "$(scripts/stack.sh env)") and DATAFORGE_BIN_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

MODE=${1:-}
JOBS=${BENCH_JOBS:-150000}
MAX_SECONDS=${BENCH_QUEUE_MAX_SECONDS:-15}
BATCH=${3:-50}

: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_HOME:?run eval \"\$(scripts/stack.sh env)\" first}"
PIDS=$DATAFORGE_HOME/pids
LOG=$DATAFORGE_HOME/log
# Every run empties the queue tables: only on a benchmark stack.
[[ ${DATAFORGE_HOME%/} == */.dataforge-bench || ${BENCH_ALLOW_TRUNCATE:-0} == 1 ]] || {
    echo "queue: DATAFORGE_HOME=$DATAFORGE_HOME is not a .dataforge-bench stack and each run empties" \
        "the jobs tables; set BENCH_ALLOW_TRUNCATE=1 to run anyway" >&2
    exit 2
}

say() { echo "queue: $*" >&2; }
die() { say "$*"; exit 1; }

sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" -c "$1"; }

# ---- consumers we start: pid files in the stack's pids dir, so stack.sh down stops them too
started=()
stop_consumers() {
    local pid i
    ((${#started[@]})) || return 0
    for pid in "${started[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${started[@]}"; do
        for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$pid" 2>/dev/null; then
            say "consumer $pid did not stop within 10 s, killing it"
            kill -KILL "$pid" 2>/dev/null || true
        fi
        wait "$pid" 2>/dev/null || true
    done
    rm -f "$PIDS"/consumer-bench-*.pid
    started=()
}

# ---- one long-lived psql session for polling (a new psql every 100 ms would cost more CPU than
# the poll itself on 2 cores)
poller_open() {
    coproc POLL { exec psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" 2>&1; }
    POLL_PID=$POLL_PID
    exec {POLL_IN}>&"${POLL[1]}" {POLL_OUT}<&"${POLL[0]}"
}
# poll QUERY: one number from the polling session.
poll() {
    local line
    echo "$1" >&"$POLL_IN"
    read -r -t 10 line <&"$POLL_OUT" || die "the polling psql session did not answer"
    [[ $line =~ ^[0-9]+$ ]] || die "unexpected answer from psql: $line"
    echo "$line"
}
# Whether any job is left, through the two partial indexes: count(*) over a table full of dead rows
# took ~18 ms every 100 ms, a tenth of the machine the benchmark measures.
poll_busy() { poll "SELECT (EXISTS (SELECT 1 FROM jobs WHERE state = 'available') OR EXISTS (SELECT 1 FROM jobs WHERE state = 'running'))::int;"; }
poll_count() { poll 'SELECT count(*) FROM jobs;'; }
poller_close() {
    [[ -n ${POLL_PID:-} ]] || return 0
    local w=${POLL[1]:-} r=${POLL[0]:-}
    # psql ends on EOF: close every copy of its stdin (ours and the coproc's own)
    exec {POLL_IN}>&- {POLL_OUT}<&-
    [[ -z $w ]] || exec {w}>&-
    [[ -z $r ]] || exec {r}<&-
    kill -TERM "$POLL_PID" 2>/dev/null || true
    wait "$POLL_PID" 2>/dev/null || true
    POLL_PID=
}

cleanup() {
    stop_consumers
    poller_close
    [[ -n ${PGBENCH_PID:-} ]] && kill -TERM "$PGBENCH_PID" 2>/dev/null
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- the queue, filled, and emptied again after the run (a capped run leaves jobs behind)
empty_queue() { sql "TRUNCATE jobs, job_history, job_events, consumers" >/dev/null; }
prepare() {
    say "filling the queue with $JOBS no-op jobs"
    empty_queue
    sql "INSERT INTO jobs (id, kind, params) SELECT gen_random_uuid(), 'noop', '{}' FROM generate_series(1, $JOBS)" >/dev/null
    sql "VACUUM ANALYZE jobs" >/dev/null
    sql "CHECKPOINT" >/dev/null
}

now() { echo "$EPOCHREALTIME"; }
elapsed_since() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }

# drain START: poll every 100 ms until the queue is empty or MAX_SECONDS passed; sets SECONDS_TAKEN,
# DONE (jobs gone) and CAPPED.
drain() {
    local start=$1 left
    CAPPED=0
    while :; do
        left=0
        (($(poll_busy))) || break
        left=1
        if awk -v e="$(elapsed_since "$start")" -v m="$MAX_SECONDS" 'BEGIN { exit !(e >= m) }'; then
            CAPPED=1
            left=$(poll_count)
            break
        fi
        # a consumer that died would leave the queue full until the cap: fail at once instead
        local pid
        for pid in "${started[@]}"; do
            kill -0 "$pid" 2>/dev/null || die "consumer $pid exited during the run; read $LOG/consumer-bench-*.log"
        done
        # pgbench finished (or failed) with jobs left: no point in waiting for the cap
        if [[ -n ${PGBENCH_PID:-} ]] && ! kill -0 "$PGBENCH_PID" 2>/dev/null; then
            left=$(poll_count)
            break
        fi
        sleep 0.1
    done
    SECONDS_TAKEN=$(elapsed_since "$start")
    DONE=$((JOBS - left))
}

result() {
    local rate
    rate=$(awk -v d="$DONE" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%.0f", (s > 0 ? d / s : 0) }')
    say "$1: $DONE jobs in ${SECONDS_TAKEN}s = $rate jobs/s$( ((CAPPED)) && echo " (capped at ${MAX_SECONDS}s)")"
    echo "RESULT $1|jobs=$DONE seconds=$SECONDS_TAKEN rate=$rate capped=$CAPPED"
}

run_consumers() {
    local count=$1 slots=$2 i start
    local bin=${DATAFORGE_BIN_DIR:?DATAFORGE_BIN_DIR is not set}/dataforge-consumer
    [[ -x $bin ]] || die "$bin not found"
    prepare
    poller_open
    say "starting $count consumer(s) with DATAFORGE_CONSUMER_SLOTS=$slots"
    start=$(now)
    for ((i = 1; i <= count; i++)); do
        DATAFORGE_CONSUMER_SLOTS=$slots "$bin" >>"$LOG/consumer-bench-$i.log" 2>&1 </dev/null &
        started+=("$!")
        echo "$!" >"$PIDS/consumer-bench-$i.pid"
    done
    drain "$start"
    stop_consumers
    poller_close
    empty_queue
    result "consumers=$count slots=$slots"
}

# claim_sql: JobSQL.claimAvailable as the consumer sends it, read from the Swift source so the
# ceiling follows any change to it, with its parameters as literals: queues {generation}, $BATCH
# rows, owner 'pgbench-<backend pid>' (one per client), 30 s lease.
claim_sql() {
    local sql
    sql=$(awk '/static let claimAvailable = Statement\(/ { found = 1; next }
               found && /"""/ { if (inside) exit; inside = 1; next }
               inside { print }' Sources/Shared/Queue/JobSQL.swift)
    sql=${sql//'$1'/"'{generation}'"}
    sql=${sql//'$2'/$BATCH}
    sql=${sql//'$3'/"('pgbench-' || pg_backend_pid())"}
    sql=${sql//'$4'/30}
    printf '%s\n' "$sql"
}

run_pgbench() {
    local clients=$1 per_client script start claim
    claim=$(claim_sql)
    [[ $claim == *"FOR UPDATE SKIP LOCKED"* && $claim != *'$'[0-9]* ]] ||
        die "cannot read JobSQL.claimAvailable from Sources/Shared/Queue/JobSQL.swift"
    script=$DATAFORGE_HOME/bench-claim.sql
    # The claim, then the claimed rows deleted in a second transaction (the consumer's finish moves
    # them to job_history instead). No Swift, no per-job statements.
    {
        printf '%s;\n' "$claim"
        echo "DELETE FROM jobs WHERE state = 'running' AND lease_owner = ('pgbench-' || pg_backend_pid());"
    } >"$script"
    # Enough batches for every client to drain its share; clients that find the queue empty
    # just run cheap empty claims until their count is done.
    per_client=$(((JOBS + BATCH * clients - 1) / (BATCH * clients) + 2))
    prepare
    poller_open
    say "pgbench: $clients clients x $per_client claim+delete batches of $BATCH"
    start=$(now)
    pgbench -n -M prepared -c "$clients" -j "$((clients < 2 ? clients : 2))" -t "$per_client" \
        -f "$script" "$DATAFORGE_DATABASE_URL" >"$LOG/pgbench.log" 2>&1 &
    PGBENCH_PID=$!
    drain "$start"
    if ((CAPPED)); then kill -TERM "$PGBENCH_PID" 2>/dev/null || true; fi
    wait "$PGBENCH_PID" || ((CAPPED)) || { cat "$LOG/pgbench.log" >&2; die "pgbench failed"; }
    PGBENCH_PID=
    poller_close
    empty_queue
    result "pgbench clients=$clients slots=$BATCH"
}

# run_commit: one connection running the consumer's heartbeat (ConsumerSQL.heartbeat, one autocommitted
# UPDATE) for 2 s: the commit latency (a WAL flush) every autocommitted statement pays.
run_commit() {
    local script=$DATAFORGE_HOME/bench-commit.sql tps
    sql "INSERT INTO consumers (id, host, pid, queues) VALUES ('bench-commit', 'bench', 0, '{}')
         ON CONFLICT (id) DO NOTHING" >/dev/null
    echo "UPDATE consumers SET heartbeat_at = now(), current_job = gen_random_uuid() WHERE id = 'bench-commit';" >"$script"
    pgbench -n -M prepared -c 1 -T 2 -f "$script" "$DATAFORGE_DATABASE_URL" >"$LOG/pgbench-commit.log" 2>&1 ||
        { cat "$LOG/pgbench-commit.log" >&2; die "pgbench failed"; }
    sql "DELETE FROM consumers WHERE id = 'bench-commit'" >/dev/null
    tps=$(awk '/^tps = / { printf "%.0f", $3 }' "$LOG/pgbench-commit.log")
    [[ -n $tps && $tps -gt 0 ]] || die "cannot read tps from $LOG/pgbench-commit.log"
    say "commit latency: $tps commits/s on one connection"
    echo "RESULT commit|tps=$tps ms=$(awk -v t="$tps" 'BEGIN { printf "%.2f", 1000 / t }')"
}

case $MODE in
    commit) run_commit ;;
    consumers) run_consumers "${2:?consumer count}" "${3:?slots}" ;;
    pgbench) run_pgbench "${2:?client count}" ;;
    *) echo "usage: $0 consumers C SLOTS | pgbench C [BATCH] | commit" >&2; exit 2 ;;
esac
