# Sourced by the scripts that start a throwaway stack (integration tests, benchmarks).
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

# print_log_tails LINES: the last LINES lines of every log of the stack, to read after a failure.
print_log_tails() {
    local f
    for f in "$DATAFORGE_HOME"/log/*.log; do
        [[ -f $f ]] || continue
        echo "==== tail of $f"
        tail -n "$1" "$f"
    done
}
