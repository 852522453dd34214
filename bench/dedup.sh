#!/usr/bin/env bash
# De-duplication against a running stack (bench/run.sh brings one up).
#
# `dataforge bench-dedup` generates BENCH_DEDUP_SAMPLES samples (default 100000) from a seed: random
# 40-80-word texts with ~3 % planted near-duplicates (1-3 words of an earlier original replaced) and ~1 %
# planted pairs meant to fall below the threshold (8-12 words replaced). It runs them in order
# through fingerprints and LSH bands in memory, then through DedupStore.checkAndRecord against the stack's
# PostgreSQL (BENCH_DEDUP_BATCH samples a call, default DedupStore.maxBatch, each call one statement and one
# committed transaction, under one fresh job scope), and
# scores both against the exact Jaccard similarity of each planted pair (≥ 0.85 is a duplicate).
# The dedup tables are emptied before and after (a benchmark stack only).
# Progress goes to stderr; "RESULT dedup memory|…" and "RESULT dedup store|…" lines go to stdout.
# Needs the stack's environment (eval "$(scripts/stack.sh env)") and DATAFORGE_BIN_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

SAMPLES=${BENCH_DEDUP_SAMPLES:-100000}
BATCH=()
[[ -z ${BENCH_DEDUP_BATCH:-} ]] || BATCH=(--batch "$BENCH_DEDUP_BATCH")
: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_HOME:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_BIN_DIR:?set DATAFORGE_BIN_DIR to the release binaries}"
[[ ${DATAFORGE_HOME%/} == */.dataforge-bench || ${BENCH_ALLOW_TRUNCATE:-0} == 1 ]] || {
    echo "dedup: DATAFORGE_HOME=$DATAFORGE_HOME is not a .dataforge-bench stack and the run empties the" \
        "dedup tables; set BENCH_ALLOW_TRUNCATE=1 to run anyway" >&2
    exit 2
}

sql() { psql -X -q -tA -v ON_ERROR_STOP=1 -d "$DATAFORGE_DATABASE_URL" -c "$1"; }
empty() { sql "TRUNCATE dedup_exact, dedup_shingles" >/dev/null; }

empty
# The benchmarks before this one leave dirty pages and WAL behind: a checkpoint now keeps their flushing out
# of this measurement.
sql "CHECKPOINT" >/dev/null
trap empty EXIT
echo "dedup: $SAMPLES samples, memory then store" >&2
# Through a variable, not `tee /dev/stderr`: reopening a stderr redirected to a file truncates that file.
report=$("$DATAFORGE_BIN_DIR/dataforge" bench-dedup --samples "$SAMPLES" "${BATCH[@]}")
echo "$report" >&2
grep '^RESULT ' <<<"$report"
