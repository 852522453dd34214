#!/usr/bin/env bash
# Provider-call benchmarks against the fake provider (Tests/FakeProvider/fake_provider.py), on a running
# stack with no consumers of its own (bench/run.sh brings one up).
#
#   bench/providers.sh rpm R        4 consumers, the fake limited to R requests a minute (sliding 60 s window),
#                                   the budget configured to R: achieved share of R and share of 429s
#   bench/providers.sh tpm T        the same with T tokens a minute (prompt + maximum output, as OpenAI counts)
#   bench/providers.sh throughput   1 consumer against a zero-latency fake: samples/s, CPU per call, peak RSS,
#                                   against the fake's own ceiling measured with wrk (256 connections)
#   bench/providers.sh inflight     1 consumer against a fake answering after 1 s: peak calls in flight, RSS
#   bench/providers.sh waiting      what one consumer costs while it waits: CPU share over BENCH_WAIT_SECONDS
#                                   (default 10) with an empty queue, on a 60 rpm limit, at a job's in-flight
#                                   cap, and with every call out to a provider answering after 5 s
#   bench/providers.sh latency LMS K  the default stack's 2 consumers against a fake answering after LMS ms
#                                   (default 200), K samples a call (default 1): samples/s against the
#                                   in-flight bound, CPU per 1,000 samples
#
# Rate runs last BENCH_RATE_SECONDS (default 180). One "RESULT name|key=value ..." line goes to stdout.
# Needs the stack's environment (eval "$(scripts/stack.sh env)") and DATAFORGE_BIN_DIR.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/throwaway-stack.sh

MODE=${1:-}
: "${DATAFORGE_DATABASE_URL:?run eval \"\$(scripts/stack.sh env)\" first}"
: "${DATAFORGE_BIN_DIR:?set DATAFORGE_BIN_DIR}"
LOG=$DATAFORGE_HOME/log
RATE_SECONDS=${BENCH_RATE_SECONDS:-180}

say() { echo "providers: $*" >&2; }
BENCH_NAME=providers-$MODE
source bench/processes.sh

# enqueue JOBS COUNT MODEL: generation jobs for the fake, straight into the queue table; one sample a call
# unless BENCH_SAMPLES_PER_CALL says otherwise, so these runs measure calls (bench/quality.sh measures
# several samples a call).
enqueue() {
    sql "INSERT INTO jobs (id, kind, queue, params)
         SELECT gen_random_uuid(), 'generate', 'generation',
                jsonb_build_object('product', 'Bench Speaker ' || n, 'count', $2, 'version', 'v1',
                                   'temperature', 0.7, 'template', 'product_review', 'provider', 'openai',
                                   'model', '$3', 'samples_per_call', ${BENCH_SAMPLES_PER_CALL:-1})
         FROM generate_series(1, $1) AS n;
         SELECT pg_notify('dataforge_jobs', '')" >/dev/null
}

stat() { curl -s "$FAKE_URL/_fake/stats" | jq -r "$1"; }

# rate_run KIND LIMIT: the budget and the fake both limited to LIMIT per minute of KIND (rpm or tpm).
rate_run() {
    local kind=$1 limit=$2 model="bench-$1"
    start_fake "--$kind" "$limit" --window-seconds 60 --latency-ms 150 --jitter-ms 150
    # Enough work for the whole run even at twice the limit: 50-sample jobs.
    local calls=$((limit * RATE_SECONDS / 60 * 2))
    [[ $kind == tpm ]] && calls=$((calls / 400 + 100))
    enqueue $((calls / 50 + 1)) 50 "$model"
    say "$kind $limit: 4 consumers for ${RATE_SECONDS} s"
    start_consumers 4 DATAFORGE_RATE_LIMITS="openai/$model=$kind:$limit" DATAFORGE_CONSUMER_SLOTS=4
    sleep "$RATE_SECONDS"
    local ok limited first last tokens
    ok=$(stat ".by_model[\"$model\"].by_status[\"200\"] // 0")
    limited=$(stat ".by_model[\"$model\"].by_status[\"429\"] // 0")
    first=$(stat '.first_request_at')
    last=$(stat '.last_request_at')
    # What the fake counts per call: the prompt estimate (reported back as prompt_tokens) + the maximum output.
    tokens=$(sql "SELECT coalesce(sum(tokens_in + 400), 0) FROM llm_calls WHERE model = '$model' AND status = 'ok'")
    awk -v kind="$kind" -v limit="$limit" -v ok="$ok" -v limited="$limited" -v first="$first" -v last="$last" \
        -v tokens="$tokens" 'BEGIN {
            minutes = (last - first) / 60
            used = (kind == "rpm" ? ok : tokens)
            printf "RESULT %s|limit=%d ok=%d limited=%d seconds=%.1f achieved=%.4f share429=%.4f\n",
                kind, limit, ok, limited, last - first, used / (limit * minutes), limited / (ok + limited)
        }'
}

# rss_peak PID: the process's peak resident set in MB.
rss_peak() { awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
# cpu_seconds PID: user + system CPU the process used so far.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.3f", ($14 + $15) / hz }' "/proc/$1/stat"; }

case $MODE in
    rpm) rate_run rpm "${2:-600}" ;;
    tpm) rate_run tpm "${2:-60000}" ;;
    throughput)
        start_fake --latency-ms 0
        # The fake's own ceiling: wrk posting a small chat completion over 256 keep-alive connections.
        cat >"$LOG/fake-post.lua" <<'EOF'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-bench"
wrk.body = '{"model":"bench","messages":[{"role":"user","content":"Write one product review of a speaker."}],"max_completion_tokens":400}'
EOF
        ceiling=$(wrk -t2 -c256 -d10s -s "$LOG/fake-post.lua" "$FAKE_URL/v1/chat/completions" | awk '/Requests\/sec/ { printf "%d", $2 }')
        curl -s -XPOST "$FAKE_URL/_fake/reset" >/dev/null
        samples=${BENCH_THROUGHPUT_SAMPLES:-20000}
        enqueue $((samples / 50)) 50 bench-throughput
        say "throughput: 1 consumer, $samples samples"
        start=$(date +%s.%N)
        start_consumers 1 DATAFORGE_CONSUMER_SLOTS=16 DATAFORGE_JOB_MAX_IN_FLIGHT=16 DATAFORGE_CONSUMER_MAX_IN_FLIGHT=256
        pid=${CONSUMER_PIDS[0]}
        while (($(sql "SELECT count(*) FROM jobs") > 0)); do sleep 0.2; done
        end=$(date +%s.%N)
        cpu=$(cpu_seconds "$pid")
        rss=$(rss_peak "$pid")
        calls=$(sql "SELECT count(*) FROM llm_calls WHERE model = 'bench-throughput'")
        awk -v s="$start" -v e="$end" -v n="$samples" -v calls="$calls" -v cpu="$cpu" -v rss="$rss" -v ceiling="$ceiling" \
            'BEGIN { printf "RESULT throughput|samples=%d seconds=%.1f rate=%.0f calls=%d cpu_us_per_call=%.0f rss_mb=%s fake_ceiling=%d\n",
                n, e - s, n / (e - s), calls, cpu * 1e6 / calls, rss, ceiling }'
        ;;
    inflight)
        start_fake --latency-ms 1000
        enqueue 40 50 bench-inflight
        say "in flight: 1 consumer, the fake answering after 1 s"
        start_consumers 1 DATAFORGE_CONSUMER_SLOTS=16 DATAFORGE_JOB_MAX_IN_FLIGHT=16 DATAFORGE_CONSUMER_MAX_IN_FLIGHT=256
        sleep 8
        echo "RESULT inflight|max_in_flight=$(stat '.max_in_flight') rss_mb=$(rss_peak "${CONSUMER_PIDS[0]}") ok=$(stat '.by_status["200"] // 0')"
        ;;
    waiting)
        window=${BENCH_WAIT_SECONDS:-10}
        # cpu_share CASE VAR=VALUE...: one consumer with these settings, its CPU share once it settled.
        cpu_share() {
            local case=$1 pid before
            shift
            start_consumers 1 "$@"
            pid=${CONSUMER_PIDS[-1]}
            sleep 2
            before=$(cpu_seconds "$pid")
            sleep "$window"
            awk -v c="$case" -v a="$before" -v b="$(cpu_seconds "$pid")" -v w="$window" \
                'BEGIN { printf "%s=%.2f ", c, 100 * (b - a) / w }'
            kill -TERM "$pid"
            wait "$pid" 2>/dev/null || true
            sql "TRUNCATE jobs, samples, llm_calls, rate_budgets, rate_in_flight"
        }
        start_fake --latency-ms 5000
        say "waiting: one consumer at a time, ${window} s each"
        line=$(cpu_share empty_queue)
        enqueue 20 50 bench-wait-rpm
        line+=$(cpu_share rate_limit DATAFORGE_RATE_LIMITS="openai/bench-wait-rpm=rpm:60")
        curl -s -XPOST "$FAKE_URL/_fake/config" -d '{"latency_ms": 2000}' >/dev/null
        enqueue 4 50 bench-wait-cap
        line+=$(cpu_share job_cap DATAFORGE_JOB_MAX_IN_FLIGHT=2)
        curl -s -XPOST "$FAKE_URL/_fake/config" -d '{"latency_ms": 5000}' >/dev/null
        enqueue 4 50 bench-wait-slow
        line+=$(cpu_share slow_provider)
        echo "RESULT waiting|$line"
        ;;
    latency)
        latency=${2:-200}
        per_call=${3:-1}
        start_fake --latency-ms "$latency"
        samples=${BENCH_LATENCY_SAMPLES:-$((12000 * per_call))}
        BENCH_SAMPLES_PER_CALL=$per_call enqueue $((samples / 50)) 50 bench-latency
        say "latency: 2 consumers with default settings, the fake answering after $latency ms, $samples samples, $per_call a call"
        start=$(date +%s.%N)
        start_consumers 2
        while (($(sql "SELECT count(*) FROM jobs") > 0)); do sleep 0.2; done
        end=$(date +%s.%N)
        # From the first call sent to the last one answered: the pace itself, without process start-up.
        span=$(sql "SELECT extract(epoch FROM max(created_at) - min(created_at) + make_interval(secs => $latency / 1000.0))
                    FROM llm_calls WHERE model = 'bench-latency'")
        # What each call really took, as libcurl measured it: the fake's own overhead comes on top of LMS.
        mean=$(sql "SELECT round(avg(latency_ms)::numeric, 1) FROM llm_calls WHERE model = 'bench-latency'")
        cpu=0
        for pid in "${CONSUMER_PIDS[@]}"; do cpu=$(awk -v a="$cpu" -v b="$(cpu_seconds "$pid")" 'BEGIN { print a + b }'); done
        # Calls one consumer keeps in flight by default, over all its jobs, each bringing per_call samples.
        bound=$(awk -v l="$latency" -v k="$per_call" 'BEGIN { printf "%.0f", 2 * 64 * k * 1000 / l }')
        name=latency
        ((per_call == 1)) || name=latency_k$per_call
        awk -v s="$start" -v e="$end" -v n="$samples" -v cpu="$cpu" -v bound="$bound" -v l="$latency" -v span="$span" \
            -v mean="$mean" -v name="$name" \
            'BEGIN { printf "RESULT %s|latency_ms=%d mean_call_ms=%s samples=%d seconds=%.1f rate=%.0f wall_rate=%.0f bound=%d cpu_s_per_1000=%.3f\n",
                name, l, mean, n, e - s, n / span, n / (e - s), bound, cpu * 1000 / n }'
        ;;
    *)
        echo "usage: bench/providers.sh rpm R | tpm T | throughput | inflight | waiting | latency [MS [PER_CALL]]" >&2
        exit 2
        ;;
esac
