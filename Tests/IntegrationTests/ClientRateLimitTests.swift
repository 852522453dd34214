import Foundation
import Shared
import Testing

extension StackTests {
    /// nginx's per-client request limit, on an nginx of its own rendered from the stack's template with a low
    /// rate (the stack's own runs with the limit out of the way of the load tests), in front of its pool.
    @Suite
    struct ClientRateLimitTests {
        @Test func aFloodFromOneAddressGetsJSON429sWithRetryAfter() throws {
            let folder = "/tmp/dataforge-rate-\(UUID().uuidString.prefix(8))"
            let script = """
                set -e
                source scripts/throwaway-stack.sh
                port=$(free_port "$DATAFORGE_HTTP_PORT")
                # The stack's run dir holds its sockets, next to PostgreSQL's (the database URL's host).
                run=$(dirname "$(sed -E 's/.*host=([^ ]+).*/\\1/' <<<"$DATAFORGE_DATABASE_URL")")
                mkdir -p \(folder)/pids \(folder)/log \(folder)/temp
                DATAFORGE_HOME=\(folder) DATAFORGE_HTTP_PORT=$port DATAFORGE_NGINX_TEMP_DIR=\(folder)/temp \
                DATAFORGE_FCGI_SOCKET=$run/fcgi.sock DATAFORGE_FCGI_LONG_SOCKET=$run/fcgi-long.sock \
                DATAFORGE_MAX_BODY_SIZE=1m DATAFORGE_CLIENT_RATE=1r/m DATAFORGE_CLIENT_BURST=3 \
                envsubst '${DATAFORGE_HOME} ${DATAFORGE_HTTP_PORT} ${DATAFORGE_FCGI_SOCKET} ${DATAFORGE_FCGI_LONG_SOCKET} ${DATAFORGE_NGINX_TEMP_DIR} ${DATAFORGE_MAX_BODY_SIZE} ${DATAFORGE_CLIENT_RATE} ${DATAFORGE_CLIENT_BURST}' \
                    <nginx/nginx.conf.template >\(folder)/nginx.conf
                nginx=$(command -v nginx || echo /usr/sbin/nginx)
                "$nginx" -p \(folder)/ -c \(folder)/nginx.conf -e \(folder)/log/error.log
                trap '"$nginx" -p \(folder)/ -c \(folder)/nginx.conf -e \(folder)/log/error.log -s stop' EXIT
                for i in $(seq 8); do
                    curl -s -D - "http://127.0.0.1:$port/health" -o \(folder)/body-$i >\(folder)/head-$i
                done
                """
            defer { _ = ChildProcess("/bin/rm", ["-rf", folder]).wait() }
            let status = ChildProcess("/bin/bash", ["-c", "cd '\(TestStack.repositoryRoot)' && " + script]).wait()
            #expect(status == 0)
            var statuses: [Int] = []
            for i in 1...8 {
                let head = try String(contentsOfFile: "\(folder)/head-\(i)", encoding: .utf8)
                let code = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
                statuses.append(code)
                guard code == 429 else { continue }
                #expect(head.lowercased().contains("retry-after: 1"))
                let body = try String(contentsOfFile: "\(folder)/body-\(i)", encoding: .utf8)
                #expect(try JSONValue(parsing: body) == ["detail": "Too many requests"])
            }
            // The first request and the burst of three pass; the rest are refused.
            #expect(statuses == [200, 200, 200, 200, 429, 429, 429, 429])
        }
    }
}
