import Foundation
import Shared
import Testing

extension StackTests {
    /// The pre-fork pool: it replaces dead workers and stops cleanly on SIGTERM.
    @Suite
    struct FastCGIPoolTests {
        /// The pool master's pid, from the stack's pid file (`fcgi`, or `fcgi-long` for long requests).
        func masterPID(_ pool: String = "fcgi") throws -> pid_t {
            let home = TestStack.environment["DATAFORGE_HOME"] ?? ""
            let text = try String(contentsOfFile: home + "/pids/\(pool).pid", encoding: .utf8)
            return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }

        /// Live children of `parent`, read from /proc.
        func children(of parent: pid_t) -> [pid_t] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return entries.compactMap { entry -> pid_t? in
                guard let pid = pid_t(entry),
                    let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { return nil }
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                guard fields.count > 2, fields[0] != "Z", pid_t(fields[1]) == parent else { return nil }
                return pid
            }
        }

        @Test func workerKilledWithSIGKILLIsReplacedAndThePoolKeepsAnswering() throws {
            let master = try masterPID()
            let workers = children(of: master)
            #expect(workers.count == 2)
            let victim = try #require(workers.first)
            #expect(kill(victim, SIGKILL) == 0)

            var replaced = false
            for _ in 0..<100 where !replaced {
                usleep(50_000)
                let now = children(of: master)
                replaced = now.count == workers.count && !now.contains(victim)
            }
            #expect(replaced, "the master forks a new worker")
            let api = APIClient()
            for _ in 0..<20 { #expect(try api.get("/api/config").status == 200) }
        }

        @Test func sigtermStopsThePoolWhichRemovesItsSocketAndUpRestoresIt() throws {
            let master = try masterPID()
            let workers = children(of: master)
            let socket = (TestStack.environment["DATAFORGE_HOME"] ?? "") + "/run/fcgi.sock"
            #expect(FileManager.default.fileExists(atPath: socket))
            #expect(kill(master, SIGTERM) == 0)
            var stopped = false
            for _ in 0..<100 where !stopped {
                usleep(50_000)
                stopped = ([master] + workers).allSatisfy { kill($0, 0) != 0 }
            }
            #expect(stopped, "master and workers exit")
            #expect(!FileManager.default.fileExists(atPath: socket))
            let down = try APIClient().get("/api/config")
            #expect(down.status == 503)
            #expect(down["detail"] == "Service unavailable")
            #expect(TestStack.stackScript("up") == 0)
            #expect(try APIClient().get("/api/config").status == 200)
        }
    }
}
