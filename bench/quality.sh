#!/usr/bin/env bash
# The quality pipeline against a running stack without consumers of its own (bench/run.sh brings one up).
#
# 1. `dataforge bench-quality`: the local stages' cost per sample (PII scan, scoring, de-duplication
#    fingerprint) over texts of every built-in template, against a baseline pass that only splits the words.
# 2. Provider calls per kept sample: BENCH_QUALITY_JOBS (4) plain and as many enhanced jobs of 50 samples
#    (sentiment 2, frustrated, quality filter at 0.6, few-shot on, the coherence judge on `borderline`), run by
#    2 consumers, once through the offline provider and once through the fake provider as OpenAI with a model
#    that repeats a tenth of its texts (repeat_rate 0.1). Targets: ≤ 0.25 calls per kept sample for plain jobs,
#    ≤ 0.35 for enhanced ones. Also the distinct-4-gram ratio over each job's kept texts (mean per case).
# 3. With BENCH_REAL_BASE_URL (an OpenAI-compatible /v1 URL), BENCH_REAL_API_KEY and BENCH_REAL_MODEL: one
#    enhanced job of 50 samples through that real model, for the distinct-4-gram ratio a real model gives. The
#    offline provider and the fake recombine sentences of their own; only a model shows whether the prompts'
#    diversity survives. Skipped without them.
# One "RESULT name|key=value ..." line per measurement goes to stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/throwaway-stack.sh

: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_BIN_DIR:?set DATAFORGE_BIN_DIR}"
LOG=$DATAFORGE_HOME/log
JOBS=${BENCH_QUALITY_JOBS:-4}

say() { echo "quality: $*" >&2; }
BENCH_NAME=quality
source bench/processes.sh

# Through a variable, not `tee /dev/stderr`: reopening a stderr redirected to a file truncates that file.
report=$("$DATAFORGE_BIN_DIR/dataforge" bench-quality)
echo "$report" >&2
grep '^RESULT ' <<<"$report"

start_fake --latency-ms 20
curl -s -X POST "$FAKE_URL/_fake/config" -d '{"repeat_rate": 0.1}' >/dev/null

# enqueue CASE PROVIDER MODEL ENHANCED: JOBS jobs of 50 samples straight into the queue table; CASE tags them.
enqueue() {
    local controls="'quality_filter', false"
    [[ $4 == true ]] && controls="'quality_filter', true, 'min_quality_score', 0.6, 'sentiment_intensity', 2,
        'tone', 'frustrated', 'few_shot', true"
    enqueue_reviews "$1" "$JOBS" 50 "$2" "$3" "$controls"
}

# run_case CASE PROVIDER MODEL ENHANCED: the jobs through 2 consumers, then one RESULT line.
run_case() {
    local name=$1 started=$SECONDS
    say "$name: $JOBS jobs of 50 samples, 2 consumers"
    start_consumers 2 "${CONSUMER_SETTINGS[@]}"
    enqueue "$@"
    drain_case "$name" 600
    sql "SELECT format('RESULT %s|jobs=%s kept=%s rejected=%s generation_calls=%s judge_calls=%s calls_per_kept=%s seconds=%s',
                      '$name', count(DISTINCT h.id), sum(s.kept), sum(s.rejected), sum(c.generation), sum(c.judge),
                      round(sum(c.calls)::numeric / nullif(sum(s.kept), 0), 3), $SECONDS - $started)
         FROM job_history h
         CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE kept) AS kept, count(*) FILTER (WHERE NOT kept) AS rejected
                             FROM samples WHERE job_id = h.id) s
         CROSS JOIN LATERAL (SELECT count(*) AS calls, count(*) FILTER (WHERE purpose = 'generation') AS generation,
                                    count(*) FILTER (WHERE purpose = 'judge') AS judge
                             FROM llm_calls WHERE job_id = h.id) c
         WHERE h.params->>'bench_case' = '$name'"
    # Distinct 4-grams over each job's kept texts, averaged over the jobs.
    sql "SELECT json_agg(texts) FROM (SELECT json_agg(s.text) AS texts FROM job_history h JOIN samples s ON s.job_id = h.id
                                       WHERE h.params->>'bench_case' = '$name' AND s.kept GROUP BY h.id) j" |
        python3 -c '
import json, re, sys
jobs = json.load(sys.stdin) or []
ratios = []
for texts in jobs:
    grams = [tuple(w[i:i + 4]) for w in (re.findall(r"[a-z0-9]+", t.lower()) for t in texts) for i in range(len(w) - 3)]
    if grams:
        ratios.append(len(set(grams)) / len(grams))
print("RESULT %s_diversity|distinct_4gram_ratio=%.3f jobs=%d" % (sys.argv[1], sum(ratios) / max(1, len(ratios)), len(ratios)))
' "$name"
}

CONSUMER_SETTINGS=()
run_case offline_plain offline offline-v1 false
run_case offline_enhanced offline offline-v1 true
run_case fake_plain openai gpt-4o-mini false
run_case fake_enhanced openai gpt-4o-mini true
if [[ -n ${BENCH_REAL_BASE_URL:-} && -n ${BENCH_REAL_MODEL:-} ]]; then
    # Its price may not be in the table: the job's cost is then not limited, and it is one job.
    CONSUMER_SETTINGS=(OPENAI_BASE_URL="$BENCH_REAL_BASE_URL" OPENAI_API_KEY="${BENCH_REAL_API_KEY:-}"
        DATAFORGE_ALLOW_UNPRICED_MODELS=true)
    JOBS=1 run_case real_enhanced openai "$BENCH_REAL_MODEL" true
fi
