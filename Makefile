# DataForge local stack. Settings come from the environment (see scripts/stack.sh).
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c

# Build jobs: this machine has 2 cores.
JOBS ?= 2
RELEASE_BIN = $$(swift build -c release --show-bin-path)
DEBUG_BIN = $$(swift build -c debug --show-bin-path)

.PHONY: deps build up down status demo test bench clean

deps:
	scripts/install-deps.sh

build: deps
	swift build -c release -j $(JOBS)

up: build
	DATAFORGE_BIN_DIR="$(RELEASE_BIN)" scripts/stack.sh up

down:
	scripts/stack.sh down

status:
	scripts/stack.sh status

# Simulated provider latency makes the progress bar visible (only for consumers that
# up starts; an already running stack keeps its settings).
demo: export DATAFORGE_OFFLINE_LATENCY_MS ?= 100
demo: up
	eval "$$(scripts/stack.sh env)"; \
	"$$DATAFORGE_BIN_DIR/dataforge" submit --url "$$DATAFORGE_BASE_URL" \
		--product "Wireless Earbuds" --count 20 --template product_review --augment CDA,ADA,CADA \
		--augment-ratio 0.25 --out "$$DATAFORGE_HOME/demo.jsonl"; \
	echo "Samples: $$DATAFORGE_HOME/demo.jsonl. The stack is still running; stop it with: make down"

# One debug build serves the unit tests and the integration stack.
test: deps
	swift build --build-tests -j $(JOBS)
	swift test --skip-build --skip IntegrationTests
	cd Tests/FakeProvider && python3 -m unittest -q test_fake_provider
	DATAFORGE_BIN_DIR="$(DEBUG_BIN)" JOBS=$(JOBS) scripts/test-integration.sh

bench: build
	DATAFORGE_BIN_DIR="$(RELEASE_BIN)" bench/run.sh

clean:
	scripts/stack.sh clean
	DATAFORGE_HOME="$(CURDIR)/.dataforge-test" scripts/stack.sh clean
	swift package clean
