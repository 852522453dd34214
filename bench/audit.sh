#!/usr/bin/env bash
# What the audit trail costs job creation, against a running stack without consumers (bench/run.sh brings one up).
#
# wrk -t2 -c64 POSTs /api/generate through nginx (each request: validation, one transaction inserting the job and
# its audit row, NOTIFY) with the audit on, and with it off, alternating BENCH_AUDIT_ROUNDS times (default 2) for
# BENCH_AUDIT_SECONDS each (default 8) after a 2 s unmeasured warm-up, so drift hits both alike. "Off" is measured
# without touching the code: as the database owner the script disables the chain trigger and adds one that drops
# the row (BEFORE INSERT returning NULL), so the handler runs its same statements and no row, lock or hash is
# made; the triggers are restored afterwards whatever happens. Jobs made are deleted between runs (no consumer
# runs them) so each run starts from the same queue.
# Progress goes to stderr; "RESULT audit|on_rps=… off_rps=… ratio=… …" goes to stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${DATAFORGE_BASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_HOME:?run eval \"\$(scripts/stack.sh env)\" first}"
SECONDS_PER_RUN=${BENCH_AUDIT_SECONDS:-8}
ROUNDS=${BENCH_AUDIT_ROUNDS:-2}
CONNECTIONS=64
LOG=$DATAFORGE_HOME/log
URL=$DATAFORGE_BASE_URL/api/generate

say() { echo "audit: $*" >&2; }
sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" -c "$1"; }

audit_on() {
    sql "DROP TRIGGER IF EXISTS audit_log_bench_off ON audit_log; DROP FUNCTION IF EXISTS audit_log_bench_off();
         ALTER TABLE audit_log ENABLE TRIGGER audit_log_chain"
}
audit_off() {
    sql "CREATE FUNCTION audit_log_bench_off() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN RETURN NULL; END \$\$;
         ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain;
         CREATE TRIGGER audit_log_bench_off BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_bench_off()"
}
clear_jobs() { sql "DELETE FROM jobs WHERE state = 'available'" && sql "VACUUM jobs"; }
finish() {
    audit_on || say "could not restore the audit triggers"
    clear_jobs || true
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cat >"$LOG/audit-post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"product": "Wireless Earbuds", "count": 5}'
LUA

# run MODE: one measured run; sets RPS, P99 (ms) and ROWS (audit rows written) and checks every answer was a 200
run() {
    local out rps p99 non2xx audited_before audited
    audited_before=$(sql "SELECT count(*) FROM audit_log")
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency -s "$LOG/audit-post.lua" "$URL")
    printf '%s\n' "$out" >>"$LOG/wrk-audit.log"
    rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
    p99=$(awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v + 0 }
        $1 == "99%" && NF == 2 { printf "%.1f", ms($2) }' <<<"$out")
    non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
    [[ -n $rps && -z $non2xx ]] || { printf '%s\n' "$out" >&2; say "$1: failed requests"; exit 1; }
    audited=$(($(sql "SELECT count(*) FROM audit_log") - audited_before))
    say "audit $1: $rps jobs/s, p99 $p99 ms, $audited audit rows"
    RPS=$rps P99=$p99 ROWS=$audited
}

clear_jobs
say "warm-up: wrk -t2 -c$CONNECTIONS -d2s POST $URL"
wrk -t2 -c"$CONNECTIONS" -d2s -s "$LOG/audit-post.lua" "$URL" >/dev/null
clear_jobs
on_total=0 off_total=0 on_p99=0 off_p99=0 off_rows=0 on_rows=0
for ((round = 0; round < ROUNDS; round++)); do
    run on
    on_total=$((on_total + RPS)) on_rows=$((on_rows + ROWS))
    on_p99=$(awk -v a="$on_p99" -v b="$P99" 'BEGIN { print (b > a ? b : a) }')
    clear_jobs
    audit_off
    run off
    audit_on
    off_total=$((off_total + RPS)) off_rows=$((off_rows + ROWS))
    off_p99=$(awk -v a="$off_p99" -v b="$P99" 'BEGIN { print (b > a ? b : a) }')
    clear_jobs
done
((off_rows == 0)) || { say "the audit was not off: $off_rows rows written"; exit 1; }
((on_rows > 0)) || { say "the audit was not on: no rows written"; exit 1; }
on_rps=$((on_total / ROUNDS)) off_rps=$((off_total / ROUNDS))
ratio=$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
say "job creation: $on_rps jobs/s with the audit, $off_rps without: $ratio"
echo "RESULT audit|on_rps=$on_rps off_rps=$off_rps ratio=$ratio on_p99_ms=$on_p99 off_p99_ms=$off_p99 connections=$CONNECTIONS"
