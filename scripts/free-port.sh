# Sourced by the scripts that start a throwaway stack.
# free_port [TAKEN]: a port in 20000-29999 (below the ephemeral range) nobody listens on.
free_port() {
    local p i
    for ((i = 0; i < 200; i++)); do
        p=$((20000 + RANDOM % 10000))
        [[ $p != "${1:-}" ]] || continue
        (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
    done
    echo "no free port found on 127.0.0.1" >&2
    return 1
}
