#!/usr/bin/env bash
# Integration tests: a throwaway stack on free ports, then swift test --filter IntegrationTests.
# DATAFORGE_BIN_DIR: debug binaries (default: swift build --show-bin-path). DATAFORGE_TEST_FILTER narrows the
# tests run (a swift test --filter pattern, default IntegrationTests).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

source scripts/throwaway-stack.sh

export DATAFORGE_HOME=$PWD/.dataforge-test
DATAFORGE_HTTP_PORT=$(free_port)
DATAFORGE_PG_PORT=$(free_port "$DATAFORGE_HTTP_PORT")
DATAFORGE_BIN_DIR=${DATAFORGE_BIN_DIR:-$(swift build --show-bin-path)}
export DATAFORGE_HTTP_PORT DATAFORGE_PG_PORT DATAFORGE_BIN_DIR
export DATAFORGE_CONSUMERS=3 DATAFORGE_LEASE_SECONDS=3 DATAFORGE_MAINTENANCE_INTERVAL_SECONDS=1
# Two calls in flight per job keep a 50-sample job running long enough to be interrupted mid-way.
export DATAFORGE_JOB_MAX_IN_FLIGHT=2
# The suites hammer the API from one address; nginx's per-client limit is tested on its own nginx.
export DATAFORGE_CLIENT_RATE=100000r/s DATAFORGE_CLIENT_BURST=100000
# The tokenizer's rank files, where install-deps put them.
export DATAFORGE_TOKENIZER_DIR=${DATAFORGE_TOKENIZER_DIR:-$PWD/.dataforge/tokenizers}
# Hermetic: never call a real provider from the tests.
export DATAFORGE_PROVIDER=offline DATAFORGE_OFFLINE_LATENCY_MS=20

finish() {
    local rc=$?
    ((rc == 0)) || print_log_tails 40
    [[ -z ${FAKE_PID:-} ]] || kill "$FAKE_PID" 2>/dev/null || true
    [[ -z ${LLMOCK_PID:-} ]] || kill -KILL "$LLMOCK_PID" 2>/dev/null || true
    [[ -z ${TLS_DIR:-} ]] || { kill "$(cat "$TLS_DIR/nginx.pid" 2>/dev/null)" 2>/dev/null; rm -rf "$TLS_DIR"; } || true
    scripts/stack.sh down || true
    exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wipe the previous run (also stops whatever it left running).
scripts/stack.sh clean >/dev/null

# The fake LLM provider on loopback: every remote provider of the stack points at it, with one key.
FAKE_PORT=$(free_port "$DATAFORGE_HTTP_PORT")
mkdir -p "$DATAFORGE_HOME/log"
python3 Tests/FakeProvider/fake_provider.py --port "$FAKE_PORT" --require-key sk-fake-test --latency-ms 5 \
    >"$DATAFORGE_HOME/log/fake-provider.log" 2>&1 &
FAKE_PID=$!
for _ in $(seq 100); do grep -q '^listening' "$DATAFORGE_HOME/log/fake-provider.log" && break; sleep 0.1; done
export DATAFORGE_FAKE_PROVIDER_URL=http://127.0.0.1:$FAKE_PORT
export OPENAI_BASE_URL=$DATAFORGE_FAKE_PROVIDER_URL/v1 OPENAI_API_KEY=sk-fake-test
export ANTHROPIC_BASE_URL=$DATAFORGE_FAKE_PROVIDER_URL ANTHROPIC_API_KEY=sk-fake-test
# TLS with HTTP/2 in front of the fake (nginx, a self-signed certificate for 127.0.0.1): the providers'
# clients must verify it against the given CA file and multiplex over it. Under /tmp: nginx's workers
# run as nobody and must reach it.
TLS_PORT=$(free_port "$FAKE_PORT")
TLS_DIR=/tmp/dataforge-tls-$TLS_PORT
mkdir -p "$TLS_DIR"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$TLS_DIR/key.pem" -out "$TLS_DIR/cert.pem" 2>/dev/null
cat >"$TLS_DIR/nginx.conf" <<CONF
pid $TLS_DIR/nginx.pid;
events {}
http {
    access_log off;
    client_body_temp_path $TLS_DIR/body;
    proxy_temp_path $TLS_DIR/proxy;
    server {
        listen 127.0.0.1:$TLS_PORT ssl http2;
        ssl_certificate $TLS_DIR/cert.pem;
        ssl_certificate_key $TLS_DIR/key.pem;
        location / {
            proxy_pass http://127.0.0.1:$FAKE_PORT;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_buffering off;
        }
    }
}
CONF
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$TLS_DIR/" -c "$TLS_DIR/nginx.conf" -e "$TLS_DIR/error.log"
export DATAFORGE_TLS_FAKE_URL=https://127.0.0.1:$TLS_PORT DATAFORGE_TLS_FAKE_CA=$TLS_DIR/cert.pem
# narrow-gpt and slow-gpt are never called: /api/validate estimates their jobs from their limits alone.
export DATAFORGE_RATE_LIMITS="openai/paced-gpt=rpm:480;openai/paced-tokens=tpm:168000;openai/narrow-gpt=in_flight:1;openai/slow-gpt=rpm:60"
# Models the tests name that have no list price: jobs are accepted only for priced models.
export DATAFORGE_PRICES="paced-gpt=0.15/0.6,paced-tokens=0.15/0.6,narrow-gpt=0.15/0.6,slow-gpt=0.15/0.6,llmock-model=0/0"

# llmock (PyPI), a third-party mock server, behind the openai-compatible provider; install-deps puts it in
# .dataforge/venv. It binds after printing its banner: wait for /health.
LLMOCK=${DATAFORGE_LLMOCK:-$PWD/.dataforge/venv/bin/llmock}
if [[ -x $LLMOCK ]]; then
    LLMOCK_PORT=$(free_port "$FAKE_PORT")
    "$LLMOCK" serve --host 127.0.0.1 --port "$LLMOCK_PORT" --rpm 600 --tool-mode off --log-level warning \
        >"$DATAFORGE_HOME/log/llmock.log" 2>&1 &
    LLMOCK_PID=$!
    disown "$LLMOCK_PID"
    for _ in $(seq 150); do curl -sf "http://127.0.0.1:$LLMOCK_PORT/health" >/dev/null && break; sleep 0.1; done
    export DATAFORGE_LLMOCK_URL=http://127.0.0.1:$LLMOCK_PORT
    export DATAFORGE_COMPAT_BASE_URL=$DATAFORGE_LLMOCK_URL/v1 DATAFORGE_COMPAT_API_KEY=sk-llmock
else
    echo "test-integration: llmock not found at $LLMOCK (scripts/install-deps.sh installs it); its tests are skipped" >&2
fi

# The venv's python, with Hugging Face `datasets` (install-deps): the export tests load an export with it.
export DATAFORGE_PYTHON=${DATAFORGE_PYTHON:-$(dirname "$LLMOCK")/python}

scripts/stack.sh up
eval "$(scripts/stack.sh env)"
swift test -j "${JOBS:-2}" --filter "${DATAFORGE_TEST_FILTER:-IntegrationTests}"
