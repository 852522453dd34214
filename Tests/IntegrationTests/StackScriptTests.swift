import Foundation
import Shared
import Testing

extension StackTests {
    /// scripts/stack.sh itself: its default ports, and what `up` says when a port is taken.
    @Suite
    struct StackScriptTests {
        /// Runs `scripts/stack.sh` on a stack home of its own, without the running stack's ports unless given.
        static func stackScript(_ command: String, home: String, _ settings: [String] = []) -> (status: Int32, output: String) {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("stack-\(UUID()).log").path
            defer { try? FileManager.default.removeItem(atPath: output) }
            let child = ChildProcess(
                "/usr/bin/env",
                ["-u", "DATAFORGE_PG_PORT", "-u", "DATAFORGE_HTTP_PORT", "DATAFORGE_HOME=\(home)"] + settings
                    + [TestStack.repositoryRoot + "/scripts/stack.sh", command],
                outputFile: output)
            let status = child.wait()
            return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
        }

        /// A stack home no stack has used.
        static func freshHome() -> String {
            FileManager.default.temporaryDirectory.appendingPathComponent("dataforge-stack-\(UUID())").path
        }

        @Test func defaultPortsLieBelowTheEphemeralRange() throws {
            let home = Self.freshHome()
            defer { try? FileManager.default.removeItem(atPath: home) }
            let answer = Self.stackScript("env", home: home)
            #expect(answer.status == 0)
            for variable in ["DATAFORGE_PG_PORT", "DATAFORGE_HTTP_PORT"] {
                let line = answer.output.split(separator: "\n").first { $0.hasPrefix("export \(variable)=") }
                let port = try #require(line.flatMap { Int($0.split(separator: "=").last ?? "") }, "\(answer.output)")
                #expect(port < 32_768, "\(variable)")
            }
        }

        @Test func upNamesAPortThatAClientConnectionHolds() throws {
            // A client connection's local port: nothing listens on it, yet nobody can bind it.
            let httpPort = try #require(TestStack.environment["DATAFORGE_HTTP_PORT"].flatMap { UInt16($0) })
            let client = try RawHTTP.connected(port: httpPort)
            defer { close(client) }
            let held = RawHTTP.localPort(client)
            let home = Self.freshHome()
            defer {
                _ = Self.stackScript("clean", home: home, ["DATAFORGE_PG_PORT=\(held)"])
                try? FileManager.default.removeItem(atPath: home)
            }
            let answer = Self.stackScript("up", home: home, ["DATAFORGE_PG_PORT=\(held)", "DATAFORGE_HTTP_PORT=\(held)"])
            #expect(answer.status != 0)
            #expect(answer.output.contains("port \(held) for PostgreSQL is taken"), "\(answer.output)")
            #expect(answer.output.contains("DATAFORGE_PG_PORT"))
            #expect(!answer.output.contains("initdb"), "it stops before making a cluster")
        }
    }
}
