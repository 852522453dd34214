#!/usr/bin/env bash
# Augmented jobs against a running stack without consumers of its own (bench/run.sh brings one up).
#
# 1. `dataforge bench-augmentation`: what an ADA variant costs locally per variant (aspect extraction of the
#    original, the swap, the variant check) over the texts bench-quality uses, against a baseline pass that only
#    splits the words.
# 2. Provider calls per augmented sample: BENCH_AUGMENT_JOBS (3) jobs of BENCH_AUGMENT_SAMPLES (20) samples
#    augmented with CDA, ADA and CADA (ratio 1, 2 variants per sample, the endpoint's defaults otherwise), run by
#    2 consumers, through the offline provider and through the fake provider as OpenAI with the local similarity
#    judge, and through the fake with judge=llm. Target: ≤ 1 augmentation + similarity call per kept variant.
# One "RESULT name|key=value ..." line per measurement goes to stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/throwaway-stack.sh
BENCH_NAME=augmentation
source bench/processes.sh

JOBS=${BENCH_AUGMENT_JOBS:-3}
SAMPLES=${BENCH_AUGMENT_SAMPLES:-20}
say() { echo "augmentation: $*" >&2; }

# Through a variable, not `tee /dev/stderr`: reopening a stderr redirected to a file truncates that file.
report=$("$DATAFORGE_BIN_DIR/dataforge" bench-augmentation)
echo "$report" >&2
grep '^RESULT ' <<<"$report"

start_fake --latency-ms 20

# enqueue CASE PROVIDER MODEL JUDGE: JOBS augmented jobs straight into the queue table, with the params
# POST /api/generate-augmented stores (few-shot and the quality filter at 0.6 on); CASE tags them.
enqueue() {
    enqueue_reviews "$1" "$JOBS" "$SAMPLES" "$2" "$3" "'few_shot', true, 'quality_filter', true,
        'min_quality_score', 0.6, 'augmentation', jsonb_build_object(
            'strategies', jsonb_build_array('CDA', 'ADA', 'CADA'), 'ratio', 1, 'variants_per_sample', 2, 'judge', '$4')"
}

# run_case CASE PROVIDER MODEL JUDGE: the jobs through 2 consumers, then one RESULT line.
run_case() {
    local name=$1 started=$SECONDS
    say "$name: $JOBS augmented jobs of $SAMPLES samples, judge=$4, 2 consumers"
    start_consumers 2
    enqueue "$@"
    drain_case "$name" 300
    local seconds=$((SECONDS - started))
    # Variants are the rows with a lineage; per strategy, kept ones are produced and the others rejected.
    sql "WITH h AS (SELECT id, outcome FROM job_history WHERE params->>'bench_case' = '$name'),
              s AS (SELECT s.kept, s.lineage->>'augmentation_strategy' AS strategy
                    FROM samples s JOIN h ON h.id = s.job_id),
              c AS (SELECT count(*) FILTER (WHERE purpose = 'generation') AS generation,
                           count(*) FILTER (WHERE purpose = 'judge') AS judge,
                           count(*) FILTER (WHERE purpose = 'augmentation') AS augmentation,
                           count(*) FILTER (WHERE purpose = 'similarity') AS similarity
                    FROM llm_calls l JOIN h ON h.id = l.job_id),
              v AS (SELECT count(*) FILTER (WHERE strategy IS NULL AND kept) AS originals,
                           count(*) FILTER (WHERE strategy IS NOT NULL) AS variants,
                           count(*) FILTER (WHERE strategy IS NOT NULL AND kept) AS kept,
                           count(*) FILTER (WHERE strategy = 'CDA' AND kept) AS cda_kept,
                           count(*) FILTER (WHERE strategy = 'CDA' AND NOT kept) AS cda_rejected,
                           count(*) FILTER (WHERE strategy = 'ADA' AND kept) AS ada_kept,
                           count(*) FILTER (WHERE strategy = 'ADA' AND NOT kept) AS ada_rejected,
                           count(*) FILTER (WHERE strategy = 'CADA' AND kept) AS cada_kept,
                           count(*) FILTER (WHERE strategy = 'CADA' AND NOT kept) AS cada_rejected
                    FROM s)
         SELECT format('RESULT augment_%s|jobs=%s samples=%s completed=%s originals=%s variants=%s kept=%s cda_kept=%s '
                       'cda_rejected=%s ada_kept=%s ada_rejected=%s cada_kept=%s cada_rejected=%s generation_calls=%s '
                       'judge_calls=%s augmentation_calls=%s similarity_calls=%s calls_per_augmented=%s '
                       'calls_per_variant=%s seconds=%s',
                       '$name', (SELECT count(*) FROM h), $SAMPLES, (SELECT count(*) FROM h WHERE outcome = 'completed'),
                       originals, variants, kept, cda_kept, cda_rejected, ada_kept, ada_rejected, cada_kept,
                       cada_rejected, generation, judge, augmentation, similarity,
                       coalesce(round((augmentation + similarity)::numeric / nullif(kept, 0), 3)::text, 'n/a'),
                       coalesce(round((augmentation + similarity)::numeric / nullif(variants, 0), 3)::text, 'n/a'),
                       $seconds)
         FROM v, c"
}

run_case offline_local offline offline-v1 local
run_case fake_local openai gpt-4o-mini local
run_case fake_llm openai gpt-4o-mini llm
