import Foundation
import Shared
import Testing

extension StackTests {
    /// `dataforge-fcgi` started without a FastCGI socket answers one request as plain CGI.
    @Suite
    struct CGIModeTests {
        /// Runs the binary as a CGI server would, with `body` on stdin, and returns what it printed.
        func runCGI(_ variables: [String: String], body: String = "") throws -> String {
            let folder = FileManager.default.temporaryDirectory
            let input = folder.appendingPathComponent("cgi-in-\(UUID()).txt").path
            let output = folder.appendingPathComponent("cgi-out-\(UUID()).txt").path
            try body.write(toFile: input, atomically: true, encoding: .utf8)
            let binary = (TestStack.environment["DATAFORGE_BIN_DIR"] ?? "") + "/dataforge-fcgi"
            let assignments = variables.map { "\($0.key)=\($0.value)" }.sorted()
            let child = ChildProcess(
                "/bin/sh", ["-c", "exec env -u DATAFORGE_FCGI_SOCKET \"$@\" < '\(input)'", "cgi"]
                    + assignments + [binary], outputFile: output)
            #expect(child.wait() == 0)
            return try String(contentsOfFile: output, encoding: .utf8)
        }

        @Test func answersOneRequestOnStandardOutput() throws {
            let output = try runCGI(["REQUEST_METHOD": "GET", "REQUEST_URI": "/health", "GATEWAY_INTERFACE": "CGI/1.1"])
            #expect(output.hasPrefix("Status: 200 OK\r\n"))
            #expect(output.contains("Content-Type: application/json\r\n"))
            #expect(output.contains("\"status\":\"ok\""))
        }

        @Test func readsTheBodyAndValidatesIt() throws {
            let body = #"{"product":"x"}"#
            let output = try runCGI(
                ["REQUEST_METHOD": "POST", "REQUEST_URI": "/api/validate", "CONTENT_LENGTH": String(body.utf8.count)],
                body: body)
            #expect(output.hasPrefix("Status: 422 "))
            #expect(output.contains("string_too_short"))
        }

        @Test func bodyOverTheConfiguredLimitIs413() throws {
            let output = try runCGI([
                "REQUEST_METHOD": "POST", "REQUEST_URI": "/api/generate", "CONTENT_LENGTH": "5000000",
                "DATAFORGE_MAX_BODY_BYTES": "4096",
            ])
            #expect(output.hasPrefix("Status: 413 "))
            #expect(output.contains("\"detail\""))
        }
    }
}
