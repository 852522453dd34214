#!/usr/bin/env bash
# DataForge benchmarks: queue, API, the audit trail, provider calls, de-duplication, the quality pipeline and augmentation on a
# throwaway stack.
# Usage: make bench, or DATAFORGE_BIN_DIR=$(swift build -c release --show-bin-path) bench/run.sh
# Settings: BENCH_JOBS (150000), BENCH_QUEUE_MAX_SECONDS (15), BENCH_WRK_SECONDS (15), BENCH_RATE_SECONDS (180),
# BENCH_RPM (600), BENCH_TPM (60000), BENCH_THROUGHPUT_SAMPLES (20000), BENCH_DEDUP_SAMPLES (100000),
# BENCH_EXPORT_SIZES ("1000 100000 1000000"), BENCH_REAL_BASE_URL, BENCH_REAL_API_KEY, BENCH_REAL_MODEL (a real model for bench/quality.sh).
# See bench/README.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

: "${DATAFORGE_BIN_DIR:?set DATAFORGE_BIN_DIR to the release binaries (make bench does)}"
for tool in psql pgbench wrk jq curl; do
    command -v "$tool" >/dev/null || { echo "bench: $tool not found (run scripts/install-deps.sh)" >&2; exit 1; }
done
for bin in dataforge dataforge-fcgi dataforge-consumer; do
    [[ -x $DATAFORGE_BIN_DIR/$bin ]] || { echo "bench: $DATAFORGE_BIN_DIR/$bin not found (swift build -c release)" >&2; exit 1; }
done

source scripts/throwaway-stack.sh

export DATAFORGE_HOME=$PWD/.dataforge-bench
DATAFORGE_HTTP_PORT=$(free_port)
DATAFORGE_PG_PORT=$(free_port "$DATAFORGE_HTTP_PORT")
export DATAFORGE_HTTP_PORT DATAFORGE_PG_PORT DATAFORGE_BIN_DIR
# The benchmarks start their own consumers; the offline provider answers at once.
export DATAFORGE_CONSUMERS=0 DATAFORGE_PROVIDER=offline DATAFORGE_OFFLINE_LATENCY_MS=0
# The load generators run from one address: nginx's per-client limit would measure itself.
export DATAFORGE_CLIENT_RATE=100000r/s DATAFORGE_CLIENT_BURST=100000
export BENCH_JOBS=${BENCH_JOBS:-150000}

finish() {
    local rc=$?
    ((rc == 0)) || print_log_tails 5
    # also stops the consumers the benchmarks left (their pid files are in the stack's pids dir)
    scripts/stack.sh down >/dev/null || true
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# cpu_busy SECONDS: percent of CPU time the whole machine spent busy (steal counts as busy).
cpu_busy() {
    local a b
    a=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
    sleep "$1"
    b=$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6 }' /proc/stat)
    awk -v a="$a" -v b="$b" 'BEGIN { split(a, x, " "); split(b, y, " "); busy = y[1] - x[1]; idle = y[2] - x[2]
        printf "%.0f", (busy + idle > 0 ? 100 * busy / (busy + idle) : 0) }'
}

started_at=$SECONDS
# Other work on the machine skews every figure: say so in the report.
busy_before=$(cpu_busy 1)
scripts/stack.sh clean >/dev/null
scripts/stack.sh up >&2
eval "$(scripts/stack.sh env)"

# ---- measurements: every RESULT line goes into R[name.key]
declare -A R=()
collect() {
    local line name kv
    while IFS= read -r line; do
        [[ $line == RESULT\ * ]] || continue
        line=${line#RESULT }
        name=${line%%|*}
        for kv in ${line#*|}; do R[$name.${kv%%=*}]=${kv#*=}; done
    done
}

QUEUE_RUNS=("commit" "pgbench 4 50" "pgbench 4 200" "consumers 1 1" "consumers 1 50" "consumers 2 50" "consumers 4 50"
    "consumers 2 200" "consumers 4 200")
for run in "${QUEUE_RUNS[@]}"; do
    # shellcheck disable=SC2086
    out=$(bench/queue.sh $run)
    collect <<<"$out"
done
out=$(bench/api.sh)
collect <<<"$out"
out=$(bench/audit.sh)
collect <<<"$out"
out=$(bench/dedup.sh)
collect <<<"$out"
out=$(bench/quality.sh)
collect <<<"$out"
out=$(bench/augmentation.sh)
collect <<<"$out"
out=$(bench/export.sh)
collect <<<"$out"
PROVIDER_RUNS=("rpm ${BENCH_RPM:-600}" "tpm ${BENCH_TPM:-60000}" "throughput" "inflight" "waiting" "latency 200"
    "latency 200 5")
for run in "${PROVIDER_RUNS[@]}"; do
    # shellcheck disable=SC2086
    out=$(bench/providers.sh $run)
    collect <<<"$out"
done

# ---- report
group() { sed -E ':a; s/^([0-9]+)([0-9]{3})/\1,\2/; ta' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else printf "n/a" }'; }
meets() { awk "BEGIN { exit !($1) }" && echo "met" || echo "NOT met"; }

pgver=$(psql -X -tA -d "$DATAFORGE_DATABASE_URL" -c "SHOW server_version" | cut -d' ' -f1)
sync=$(psql -X -tA -d "$DATAFORGE_DATABASE_URL" -c "SHOW synchronous_commit")

echo
echo "DataForge benchmarks — $(nproc) CPUs, PostgreSQL $pgver (synchronous_commit=$sync), $(date -u +%Y-%m-%dT%H:%MZ)"
if ((busy_before > 20)); then
    echo "WARNING: the machine was ${busy_before}% busy before the run (other processes): figures are low and noisy"
fi
echo
echo "Queue throughput: $(group "$BENCH_JOBS") no-op jobs inserted, then drained until no job is left"
printf '  %-34s %14s  %s\n' "commit latency (1 connection)" "${R[commit.ms]} ms" \
    "(${R[commit.tps]} autocommitted heartbeat UPDATEs/s: each commit waits for a WAL flush)"
for batch in 50 200; do
    printf '  %-34s %14s  %s\n' "pgbench ceiling (4 clients, $batch)" "$(group "${R[pgbench clients=4 slots=$batch.rate]}") jobs/s" \
        "(claim CTE of $batch + DELETE, pure SQL)"
done
best=0
for run in "consumers=1 slots=1" "consumers=1 slots=50" "consumers=2 slots=50" "consumers=4 slots=50" \
    "consumers=2 slots=200" "consumers=4 slots=200"; do
    rate=${R[$run.rate]}
    slots=${run##*=}
    ceiling=${R[pgbench clients=4 slots=$((slots > 50 ? slots : 50)).rate]}
    note="($(ratio "$rate" "$ceiling") of the pgbench ceiling at the same batch)"
    [[ ${R[$run.capped]} == 0 ]] || note+=" capped: $(group "${R[$run.jobs]}") jobs in ${R[$run.seconds]} s"
    printf '  %-34s %14s  %s\n' "$run" "$(group "$rate") jobs/s" "$note"
    ((slots > 1 && rate > best)) && best=$rate
done
printf '  %-34s %14s  %s\n' "target (batched claims)" "≥ 20,000 jobs/s" \
    "best $(group "$best") jobs/s: $(meets "$best >= 20000")"
echo
echo "API throughput: wrk -t2 -c${BENCH_WRK_CONNECTIONS:-32} -d${BENCH_WRK_SECONDS:-15}s through nginx"
printf '  %-34s %14s  %s\n' "GET /health (no database)" "$(group "${R[health.rps]}") req/s" \
    "p50 ${R[health.p50_ms]} ms, p99 ${R[health.p99_ms]} ms"
printf '  %-34s %14s  %s\n' "GET /api/result/{id} (5 samples)" "$(group "${R[result.rps]}") req/s" \
    "p50 ${R[result.p50_ms]} ms, p99 ${R[result.p99_ms]} ms ($(ratio "${R[result.rps]}" "${R[health.rps]}") of /health)"
printf '  %-34s %14s  %s\n' "GET /api/jobs/{id}/samples (uncached)" "$(group "${R[samples.rps]}") req/s" \
    "p50 ${R[samples.p50_ms]} ms, p99 ${R[samples.p99_ms]} ms ($(ratio "${R[samples.rps]}" "${R[health.rps]}") of /health)"
printf '  %-34s %14s  %s\n' "GET /api/result/{id} with a key" "$(group "${R[keyed.rps]}") req/s" \
    "p50 ${R[keyed.p50_ms]} ms, p99 ${R[keyed.p99_ms]} ms ($(ratio "${R[keyed.rps]}" "${R[result.rps]}") of cached): keys checked, cache bypassed"
printf '  %-34s %14s  %s\n' "GET /api/result/{id} (unfinished)" "$(group "${R[poll.rps]}") req/s" \
    "p50 ${R[poll.p50_ms]} ms, p99 ${R[poll.p99_ms]} ms: ${BENCH_WRK_CONNECTIONS:-32} pollers of one pending job"
for name in health result samples poll; do
    errors=$((${R[$name.non2xx]} + ${R[$name.socket_errors]}))
    ((errors == 0)) || echo "  warning: $name had ${R[$name.non2xx]} non-2xx responses and ${R[$name.socket_errors]} socket errors"
done
printf '  %-34s %14s  %s\n' "target (/api/result)" "≥ 8,000 req/s" \
    "$(meets "${R[result.rps]} >= 8000") ; p99 < 10 ms: $(meets "${R[result.p99_ms]} < 10")"
printf '  %-34s %14s  %s\n' "target (unfinished job polls)" "p99 < 10 ms" "$(meets "${R[poll.p99_ms]} < 10")"
echo "Audit trail: job creation (POST /api/generate) through nginx, wrk -t2 -c${R[audit.connections]}, audit on and off alternating"
printf '  %-34s %14s  %s\n' "with the audit (16 chains)" "$(group "${R[audit.on_rps]}") jobs/s" \
    "p99 ${R[audit.on_p99_ms]} ms; without: $(group "${R[audit.off_rps]}") jobs/s, p99 ${R[audit.off_p99_ms]} ms"
printf '  %-34s %14s  %s\n' "target" "≥ 0.80×" "${R[audit.ratio]}×: $(meets "${R[audit.ratio]} >= 0.8")"
echo
echo "Provider calls against the fake provider (Tests/FakeProvider), 4 consumers sharing the budget, ${BENCH_RATE_SECONDS:-180} s each"
for kind in rpm tpm; do
    printf '  %-34s %14s  %s\n' "limit $(group "${R[$kind.limit]}") $kind" "$(awk -v a="${R[$kind.achieved]}" 'BEGIN { printf "%.1f%%", 100 * a }') used" \
        "${R[$kind.ok]} calls in ${R[$kind.seconds]} s, 429s: ${R[$kind.limited]} ($(awk -v a="${R[$kind.share429]}" 'BEGIN { printf "%.2f%%", 100 * a }')); ≥ 97% and ≤ 0.5%: $(meets "${R[$kind.achieved]} >= 0.97 && ${R[$kind.share429]} <= 0.005")"
done
printf '  %-34s %14s  %s\n' "1 consumer, zero-latency fake" "$(group "${R[throughput.rate]}") samples/s" \
    "($(ratio "${R[throughput.rate]}" "${R[throughput.fake_ceiling]}") of the fake's own ceiling of $(group "${R[throughput.fake_ceiling]}") req/s under wrk), ${R[throughput.cpu_us_per_call]} µs CPU per call, peak RSS ${R[throughput.rss_mb]} MB"
printf '  %-34s %14s  %s\n' "1 consumer, fake answering in 1 s" "${R[inflight.max_in_flight]} in flight" \
    "peak RSS ${R[inflight.rss_mb]} MB; ≥ 200 in flight on < 50 MB: $(meets "${R[inflight.max_in_flight]} >= 200 && ${R[inflight.rss_mb]} < 50")"
printf '  %-34s %14s  %s\n' "2 consumers (defaults), fake at 200 ms" "$(group "${R[latency_k5.rate]}") samples/s" \
    "5 samples a call (the default): $(ratio "${R[latency_k5.rate]}" "${R[latency_k5.bound]}") of the in-flight bound of ${R[latency_k5.bound]}/s, ${R[latency_k5.cpu_s_per_1000]} CPU s per 1,000 samples; ≥ 600: $(meets "${R[latency_k5.rate]} >= 600")"
printf '  %-34s %14s  %s\n' "the same, one sample a call" "$(group "${R[latency.rate]}") samples/s" \
    "($(ratio "${R[latency.rate]}" "${R[latency.bound]}") of the in-flight bound of ${R[latency.bound]}/s; ${R[latency.wall_rate]}/s wall clock from start-up), ${R[latency.cpu_s_per_1000]} CPU s per 1,000 samples"
echo "What one waiting consumer costs (share of one core over ${BENCH_WAIT_SECONDS:-10} s; target < 2%)"
for case in empty_queue rate_limit job_cap slow_provider; do
    printf '  %-34s %14s  %s\n' "$case" "${R[waiting.$case]}%" "$(meets "${R[waiting.$case]} < 2")"
done
echo
echo "De-duplication: $(group "${R[dedup store.samples]}") samples with planted near-duplicates, judged against exact Jaccard ≥ 0.85"
for path in store memory; do
    label="DedupStore (PostgreSQL)"
    [[ $path == store ]] || label="fingerprints + bands in memory"
    printf '  %-34s %14s  %s\n' "$label" "${R[dedup $path.seconds]} s" \
        "$(group "${R[dedup $path.rate]}") samples/s (first 10k $(group "${R[dedup $path.first_rate]}")/s, last 10k $(group "${R[dedup $path.last_rate]}")/s), recall ${R[dedup $path.recall]}, precision ${R[dedup $path.precision]} over ${R[dedup $path.positives]} planted pairs ≥ 0.85"
done
printf '  %-34s %14s  %s\n' "target" "< 10 s" \
    "store: $(meets "${R[dedup store.seconds]} < 10"), memory: $(meets "${R[dedup memory.seconds]} < 10"); recall ≥ 0.95: $(meets "${R[dedup store.recall]} >= 0.95")"
echo
echo "Quality pipeline: local stages per sample over ${R[quality.texts]} texts of ${R[quality.words]} words (baseline: splitting the words)"
printf '  %-34s %14s  %s\n' "PII + score + fingerprint" "${R[quality.total_us]} µs" \
    "PII ${R[quality.pii_us]} µs, score ${R[quality.score_us]} µs, fingerprint ${R[quality.fingerprint_us]} µs; ${R[quality.ratio]}× the baseline of ${R[quality.baseline_us]} µs"
echo "Provider calls per kept sample: jobs of 50 samples, 2 consumers (fake: a model repeating a tenth of its texts)"
for case in offline_plain offline_enhanced fake_plain fake_enhanced; do
    target=0.25
    [[ $case == *enhanced ]] && target=0.35
    printf '  %-34s %14s  %s\n' "$case" "${R[$case.calls_per_kept]}" \
        "${R[$case.generation_calls]} generation + ${R[$case.judge_calls]} judge calls for ${R[$case.kept]} kept (${R[$case.rejected]} rejected); ≤ $target: $(meets "${R[$case.calls_per_kept]} <= $target"); distinct 4-grams ${R[${case}_diversity.distinct_4gram_ratio]}"
done
if [[ -n ${R[real_enhanced.jobs]:-} ]]; then
    printf '  %-34s %14s  %s\n' "real model ($BENCH_REAL_MODEL)" "${R[real_enhanced.calls_per_kept]}" \
        "1 enhanced job: ${R[real_enhanced.generation_calls]} generation + ${R[real_enhanced.judge_calls]} judge calls for ${R[real_enhanced.kept]} kept; distinct 4-grams ${R[real_enhanced_diversity.distinct_4gram_ratio]}"
else
    printf '  %-34s %14s  %s\n' "real model" "not run" \
        "set BENCH_REAL_BASE_URL, BENCH_REAL_API_KEY and BENCH_REAL_MODEL for a real model's distinct 4-grams"
fi
echo
echo "Augmentation: local steps per ADA variant over ${R[augmentation_local.texts]} texts of ${R[augmentation_local.words]} words, ${R[augmentation_local.variants]} variants (baseline: splitting the words)"
printf '  %-34s %14s  %s\n' "extract + swap + check" "${R[augmentation_local.total_us]} µs" \
    "extraction ${R[augmentation_local.extract_us]} µs per original, swap ${R[augmentation_local.swap_us]} µs, check ${R[augmentation_local.check_us]} µs; ${R[augmentation_local.ratio]}× the baseline of ${R[augmentation_local.baseline_us]} µs; ${R[augmentation_local.made]} made, ${R[augmentation_local.passed]} passed the check"
echo "Provider calls per augmented sample: ${R[augment_offline_local.jobs]} jobs of ${R[augment_offline_local.samples]} samples a case, CDA + ADA + CADA, 2 variants each, 2 consumers (earlier service: 7, none returned)"
for case in offline_local fake_local fake_llm; do
    r=augment_$case
    printf '  %-34s %14s  %s\n' "$case" "${R[$r.calls_per_augmented]}" \
        "${R[$r.augmentation_calls]} augmentation + ${R[$r.similarity_calls]} similarity calls for ${R[$r.kept]} kept of ${R[$r.variants]} variants (${R[$r.calls_per_variant]} a variant made) of ${R[$r.originals]} originals; kept/rejected CDA ${R[$r.cda_kept]}/${R[$r.cda_rejected]}, ADA ${R[$r.ada_kept]}/${R[$r.ada_rejected]}, CADA ${R[$r.cada_kept]}/${R[$r.cada_rejected]}; ${R[$r.seconds]} s; ≤ 1: $(meets "${R[$r.calls_per_augmented]:-99} <= 1")"
done
echo
echo "Dataset export: a version exported as JSONL through nginx with curl; peak RSS of the long pool's worker"
for size in ${BENCH_EXPORT_SIZES:-1000 100000 1000000}; do
    printf '  %-34s %14s  %s\n' "$(group "$size") samples" "$(group "${R[export $size.rows_per_s]}") rows/s" \
        "${R[export $size.seconds]} s, $(group "${R[export $size.bytes]}") bytes, peak RSS ${R[export $size.peak_rss_mb]} MB; committed through the API in ${R[export $size.commit_seconds]} s"
done
printf '  %-34s %14s  %s\n' "target (memory flat)" "≤ 1.2×" \
    "peak at $(group "${R[export_flat.largest]}") is ${R[export_flat.ratio]}× the peak at the smallest: $(meets "${R[export_flat.flat]} == 1")"
echo
echo "Total time $((SECONDS - started_at)) s; logs in $DATAFORGE_HOME/log"
