#!/usr/bin/env bash
# Installs the system packages DataForge needs (Debian/Ubuntu), then llmock (a mock LLM
# provider for tests and benchmarks) and Hugging Face `datasets` (the export tests load an export with
# it) in a venv of its own, $DATAFORGE_HOME/venv (default .dataforge/venv):
# DATAFORGE_LLMOCK=$DATAFORGE_HOME/venv/bin/llmock; and the BPE rank files of
# the token estimates (scripts/fetch-tokenizers.sh). Quiet when all are there.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LLMOCK_VERSION=0.2.2
DATASETS_VERSION=5.2.0
packages=(libfcgi-dev libcurl4-openssl-dev libpq-dev postgresql gettext-base curl wrk spawn-fcgi procps openssl
    python3 python3-venv)

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

# A venv, since pip refuses to install into Debian's own Python (PEP 668); it works the same
# with a pyenv Python. The first python3 that can make one is used.
install_llmock() {
    local venv py python=
    venv=$(realpath -m "${DATAFORGE_HOME:-$REPO/.dataforge}")/venv
    has_llmock() {
        [[ -x $venv/bin/llmock ]] && "$venv/bin/python" -c \
            'import sys, importlib.metadata as m; sys.exit(m.version("llmock") != sys.argv[1] or m.version("datasets") != sys.argv[2])' \
            "$LLMOCK_VERSION" "$DATASETS_VERSION" 2>/dev/null
    }
    has_llmock && return 0
    for py in python3 /usr/bin/python3; do
        if command -v "$py" >/dev/null &&
            "$py" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
            python=$py
            break
        fi
    done
    [[ -n $python ]] || { echo "install-deps: llmock needs a python3 >= 3.10 with venv" >&2; exit 1; }
    echo "install-deps: installing llmock $LLMOCK_VERSION and datasets $DATASETS_VERSION in $venv"
    # An existing venv is kept, so adding a package does not reinstall the others.
    [[ -x $venv/bin/python ]] || "$python" -m venv --clear "$venv"
    # stack.sh clean deletes only a folder that looks like a stack home (one with pids/).
    mkdir -p "$(dirname "$venv")/pids"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "llmock==$LLMOCK_VERSION" \
        "datasets==$DATASETS_VERSION"
    has_llmock || { echo "install-deps: llmock $LLMOCK_VERSION or datasets $DATASETS_VERSION is not in $venv" >&2; exit 1; }
}

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
need_nginx=0 # any nginx flavour will do
installed nginx-light || installed nginx || installed nginx-core || need_nginx=1
((${#missing[@]} + need_nginx > 0)) || { install_llmock; "$REPO/scripts/fetch-tokenizers.sh"; exit 0; }

command -v apt-get >/dev/null || { echo "install-deps: apt-get not found; install: ${missing[*]} nginx" >&2; exit 1; }
sudo=()
if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi
"${sudo[@]}" apt-get update -qq
if ((need_nginx)); then
    # nginx-light is enough where the release still has it.
    if apt-cache show nginx-light >/dev/null 2>&1; then missing+=(nginx-light); else missing+=(nginx); fi
fi
echo "install-deps: installing ${missing[*]}"
# Debian's postgresql package creates and starts a "main" cluster on port 5432; the
# stack runs its own cluster and does not use it.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_llmock
"$REPO/scripts/fetch-tokenizers.sh"
