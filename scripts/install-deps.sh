#!/usr/bin/env bash
# Installs the system packages DataForge needs (Debian/Ubuntu), then llmock (a mock LLM
# provider for tests and benchmarks) in a venv of its own, $DATAFORGE_HOME/venv (default
# .dataforge/venv): DATAFORGE_LLMOCK=$DATAFORGE_HOME/venv/bin/llmock; and the BPE rank files of
# the token estimates (see install_tokenizers). Quiet when all are there.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LLMOCK_VERSION=0.2.2
packages=(libfcgi-dev libcurl4-openssl-dev libpq-dev postgresql gettext-base curl wrk spawn-fcgi procps
    python3 python3-venv)

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

# A venv, since pip refuses to install into Debian's own Python (PEP 668); it works the same
# with a pyenv Python. The first python3 that can make one is used.
install_llmock() {
    local venv py python=
    venv=$(realpath -m "${DATAFORGE_HOME:-$REPO/.dataforge}")/venv
    has_llmock() {
        [[ -x $venv/bin/llmock ]] && "$venv/bin/python" -c \
            'import sys, importlib.metadata as m; sys.exit(m.version("llmock") != sys.argv[1])' \
            "$LLMOCK_VERSION" 2>/dev/null
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
    echo "install-deps: installing llmock $LLMOCK_VERSION in $venv"
    "$python" -m venv --clear "$venv"
    # stack.sh clean deletes only a folder that looks like a stack home (one with pids/).
    mkdir -p "$(dirname "$venv")/pids"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "llmock==$LLMOCK_VERSION"
    has_llmock || { echo "install-deps: llmock $LLMOCK_VERSION is not in $venv" >&2; exit 1; }
}

# The BPE rank files of cl100k_base and o200k_base, for exact token estimates, in
# $DATAFORGE_TOKENIZER_DIR (default $DATAFORGE_HOME/tokenizers). The litellm wheel on PyPI
# ships tiktoken's files, named by the sha1 of their download URL; only those two are unpacked
# from it, nothing of it is installed, and each must have tiktoken's sha256.
LITELLM_VERSION=1.80.0
TOKENIZER_DIR=$(realpath -m "${DATAFORGE_TOKENIZER_DIR:-${DATAFORGE_HOME:-$REPO/.dataforge}/tokenizers}")
rank_files=( # encoding, name inside the wheel, sha256
    "cl100k_base 9b5ad71b2ce5302211f9c61530b329a4922fc6a4 223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
    "o200k_base fb374d419588a4632f3f557e76b4b70aebbca790 446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
)

install_tokenizers() {
    local entry name member sha missing=()
    for entry in "${rank_files[@]}"; do
        read -r name member sha <<<"$entry"
        [[ $(sha256sum "$TOKENIZER_DIR/$name.tiktoken" 2>/dev/null) == "$sha "* ]] || missing+=("$entry")
    done
    ((${#missing[@]})) || return 0
    echo "install-deps: fetching BPE rank files from litellm $LITELLM_VERSION into $TOKENIZER_DIR"
    (
        tmp=$(mktemp -d)
        trap 'rm -rf "$tmp"' EXIT
        python=python3
        # A throwaway venv where python3 has no pip of its own (Debian's, before python3-pip).
        if ! python3 -m pip --version >/dev/null 2>&1; then
            python3 -m venv "$tmp/venv" && python=$tmp/venv/bin/python
        fi
        "$python" -m pip download -q --disable-pip-version-check --no-deps --only-binary=:all: \
            --dest "$tmp" "litellm==$LITELLM_VERSION"
        unzip_member='import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))'
        for entry in "${missing[@]}"; do
            read -r name member sha <<<"$entry"
            "$python" -c "$unzip_member" "$tmp/litellm-$LITELLM_VERSION-py3-none-any.whl" \
                "litellm/litellm_core_utils/tokenizers/$member" >"$tmp/$name.tiktoken"
            actual=$(sha256sum "$tmp/$name.tiktoken" | cut -d' ' -f1)
            if [[ $actual != "$sha" ]]; then
                echo "install-deps: $name.tiktoken from litellm $LITELLM_VERSION has sha256 $actual, expected $sha" >&2
                exit 1
            fi
        done
        mkdir -p "$TOKENIZER_DIR"
        for entry in "${missing[@]}"; do
            read -r name _ _ <<<"$entry"
            mv -f "$tmp/$name.tiktoken" "$TOKENIZER_DIR/$name.tiktoken"
        done
    )
    # stack.sh clean deletes only a folder that looks like a stack home (one with pids/).
    [[ -n ${DATAFORGE_TOKENIZER_DIR:-} ]] || mkdir -p "$(dirname "$TOKENIZER_DIR")/pids"
}

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
need_nginx=0 # any nginx flavour will do
installed nginx-light || installed nginx || installed nginx-core || need_nginx=1
((${#missing[@]} + need_nginx > 0)) || { install_llmock; install_tokenizers; exit 0; }

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
install_tokenizers
