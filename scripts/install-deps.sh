#!/usr/bin/env bash
# Installs the system packages DataForge needs (Debian/Ubuntu). Quiet when all are there.
set -euo pipefail

packages=(libfcgi-dev libcurl4-openssl-dev libpq-dev postgresql gettext-base curl wrk spawn-fcgi procps)

installed() { [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]; }

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
need_nginx=0 # any nginx flavour will do
installed nginx-light || installed nginx || installed nginx-core || need_nginx=1
((${#missing[@]} + need_nginx > 0)) || exit 0

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
