#!/usr/bin/env bash
# Fetches the BPE rank files of cl100k_base and o200k_base, for exact token estimates, in
# $DATAFORGE_TOKENIZER_DIR (default $DATAFORGE_HOME/tokenizers). The litellm wheel on PyPI
# ships tiktoken's files, named by the sha1 of their download URL; only those two are unpacked
# from it, nothing of it is installed, and each must have tiktoken's sha256.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LITELLM_VERSION=1.80.0
TOKENIZER_DIR=$(realpath -m "${DATAFORGE_TOKENIZER_DIR:-${DATAFORGE_HOME:-$REPO/.dataforge}/tokenizers}")
rank_files=( # encoding, name inside the wheel, sha256
    "cl100k_base 9b5ad71b2ce5302211f9c61530b329a4922fc6a4 223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7"
    "o200k_base fb374d419588a4632f3f557e76b4b70aebbca790 446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d"
)

fetch() {
    local entry name member sha missing=()
    for entry in "${rank_files[@]}"; do
        read -r name member sha <<<"$entry"
        [[ $(sha256sum "$TOKENIZER_DIR/$name.tiktoken" 2>/dev/null) == "$sha "* ]] || missing+=("$entry")
    done
    ((${#missing[@]})) || return 0
    echo "fetch-tokenizers: fetching BPE rank files from litellm $LITELLM_VERSION into $TOKENIZER_DIR"
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
                echo "fetch-tokenizers: $name.tiktoken from litellm $LITELLM_VERSION has sha256 $actual, expected $sha" >&2
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

fetch
