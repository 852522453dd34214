#!/usr/bin/env bash
# Dataset export against a running stack (bench/run.sh brings one up): is the handler's memory flat whatever
# the version's size?
#
# For each size of BENCH_EXPORT_SIZES (default "1000 100000 1000000"): one pending job gets that many synthetic
# samples (INSERT … generate_series, ~200-byte texts with their content hashes), `dataforge commit` commits them
# through the API as version 1 of a fresh dataset (timed; the dataset's de-duplication index is built after, by a
# consumer, and not waited for), and the version is exported as JSONL through nginx with curl. The peak RSS
# (VmHWM, reset through /proc/PID/clear_refs before the export) of the long pool's worker, which serves exports,
# is read after it. One "RESULT export SIZE|…" line each, then "RESULT export_flat|…": flat when the peak at
# the largest size is at most 1.2× the peak at the smallest. (Each accept thread has its own malloc arena, warmed
# by concurrent exports of the smallest version before anything is measured.)
# Needs the stack's environment (eval "$(scripts/stack.sh env)") and DATAFORGE_BIN_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SIZES=${BENCH_EXPORT_SIZES:-1000 100000 1000000}
: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_BASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_HOME:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_BIN_DIR:?set DATAFORGE_BIN_DIR to the release binaries}"
say() { echo "export: $*" >&2; }
sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" -c "$1"; }

# The long pool has one worker (the master's only child): it serves every export.
master=$(cat "$DATAFORGE_HOME/pids/fcgi-long.pid")
worker=$(pgrep -P "$master" | head -1)
[[ -n $worker ]] || { say "no worker of the long pool (master $master)"; exit 1; }
hwm_kb() { awk '/^VmHWM:/ { print $2 }' "/proc/$worker/status"; }

run=$(date +%s)
first_peak=
peak=
for size in $SIZES; do
    name="bench-export-$run-$size"
    job=$(curl -sf -H 'Content-Type: application/json' "$DATAFORGE_BASE_URL/api/generate" \
        -d '{"product":"Export bench","count":1}' | jq -r .job_id)
    started=$SECONDS
    sql "INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                              temperature, text, tokens_estimated, provider, model, quality, kept, metadata,
                              content_hash)
         SELECT '$job', n, gen_random_uuid(), 'original', 'Export bench', 'support_request', '1', '1', 0.7, t, 40,
                'offline', 'offline-model', jsonb_build_object('overall', 0.8), true,
                jsonb_build_object('sentiment_intensity', 'mild'), encode(sha256(convert_to(t, 'UTF8')), 'hex')
         FROM (SELECT n, 'Sample ' || n || ': the kettle, \"quiet\" and quick, ' || repeat('boils water well. ', 9) AS t
               FROM generate_series(0, $size - 1) AS n) AS s"
    inserted=$SECONDS
    "$DATAFORGE_BIN_DIR/dataforge" commit "$name" --job "$job" --url "$DATAFORGE_BASE_URL" >&2
    commit_seconds=$((SECONDS - inserted))
    say "$size samples inserted in $((inserted - started)) s, committed through the API in $commit_seconds s"
    if [[ -z $first_peak ]]; then
        # Every accept thread of the long pool keeps its own malloc arena, grown by the first request it serves:
        # concurrent exports of this version first warm them all, so the peaks below compare steady states, not
        # which thread an export happened to land on.
        for ((i = 0; i < ${DATAFORGE_FCGI_LONG_THREADS:-8}; i++)); do
            curl -sf -o /dev/null "$DATAFORGE_BASE_URL/api/datasets/$name/versions/1/export?format=jsonl" &
        done
        wait
    fi
    echo 5 >"/proc/$worker/clear_refs"  # resets VmHWM to the current RSS
    read -r bytes seconds < <(curl -sf -o /dev/null -w '%{size_download} %{time_total}\n' \
        "$DATAFORGE_BASE_URL/api/datasets/$name/versions/1/export?format=jsonl")
    peak=$(hwm_kb)
    if [[ -z $first_peak ]]; then
        # The command line's download of the same version: every sample arrives.
        out="$DATAFORGE_HOME/export-$size.jsonl"
        "$DATAFORGE_BIN_DIR/dataforge" export "$name@1" --format jsonl --out "$out" --url "$DATAFORGE_BASE_URL" >/dev/null
        [[ $(wc -l <"$out") == "$size" ]] || { say "dataforge export wrote $(wc -l <"$out") lines, not $size"; exit 1; }
        rm -f "$out"
    fi
    [[ -n $first_peak ]] || first_peak=$peak
    rate=$(awk -v n="$size" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }')
    echo "RESULT export $size|samples=$size bytes=$bytes seconds=$seconds rows_per_s=$rate commit_seconds=$commit_seconds peak_rss_mb=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')"
    # A benchmark stack only: the samples go, the committed version keeps only ids.
    sql "DELETE FROM samples WHERE job_id = '$job'"
done
# The stack runs no consumers: the versions' de-duplication index jobs would wait for the next benchmark's.
sql "DELETE FROM jobs WHERE kind = 'dataset_index'"
ratio=$(awk -v a="$peak" -v b="$first_peak" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
flat=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.2 ? 1 : 0) }')
echo "RESULT export_flat|largest=${SIZES##* } ratio=$ratio flat=$flat"
