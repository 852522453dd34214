import Foundation
import Shared
import Testing

/// The stack `scripts/test-integration.sh` started: its URL, database and tools.
enum TestStack {
    static let environment = ProcessInfo.processInfo.environment
    static var isRunning: Bool { environment["DATAFORGE_BASE_URL"] != nil }
    static var baseURL: String { environment["DATAFORGE_BASE_URL"] ?? "" }
    static var databaseURL: String { environment["DATAFORGE_DATABASE_URL"] ?? "" }
    /// The stack's folder: logs under `log/`.
    static var home: String { environment["DATAFORGE_HOME"] ?? "" }

    /// A fresh connection for checks the API does not expose.
    static func database() throws -> Connection {
        try Connection(conninfo: databaseURL, applicationName: "integration-tests")
    }

    /// Runs `scripts/stack.sh <command>` and waits for it; returns its exit status.
    static func stackScript(_ command: String) -> Int32 {
        ChildProcess(repositoryRoot + "/scripts/stack.sh", [command]).wait()
    }

    /// Whether process `pid` (a stack component, not our child) is gone within `seconds`.
    static func exits(pid: Int, within seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if kill(pid_t(pid), 0) != 0 { return true }
            usleep(50_000)
        }
        return kill(pid_t(pid), 0) != 0
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }
}

/// A child process started with posix_spawn. Foundation's `Process` is not used: its exit detection
/// missed the end of a script whose background children kept running.
final class ChildProcess {
    private let pid: pid_t
    private var status: Int32?

    /// Starts `path` with `arguments`, its output appended to `outputFile` when given.
    init(_ path: String, _ arguments: [String], outputFile: String? = nil) {
        var command = ([path] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
            .joined(separator: " ")
        if let outputFile { command += " >>'\(outputFile)' 2>&1" }
        var pid = pid_t()
        let words: [String] = ["/bin/bash", "-c", command]
        let argv = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let result = posix_spawn(&pid, "/bin/bash", nil, nil, argv, environ)
        precondition(result == 0, "posix_spawn failed: \(result)")
        self.pid = pid
    }

    var isRunning: Bool {
        guard status == nil else { return false }
        var raw: Int32 = 0
        if waitpid(pid, &raw, WNOHANG) == pid { status = (raw >> 8) & 0xff }
        return status == nil
    }

    /// Waits for the exit and returns the exit status.
    func wait() -> Int32 {
        if let status { return status }
        var raw: Int32 = 0
        waitpid(pid, &raw, 0)
        status = (raw >> 8) & 0xff
        return status ?? -1
    }
}

/// An HTTP exchange with the API through nginx.
struct APIResponse {
    var status: Int
    var headers: [String: String]
    var json: JSONValue

    subscript(key: String) -> JSONValue? { json[key] }
}

/// A small client for the tests: JSON in, JSON out, one libcurl handle.
final class APIClient {
    private let http = HTTPClient()

    func get(_ path: String) throws -> APIResponse { try send("GET", path) }

    func delete(_ path: String) throws -> APIResponse { try send("DELETE", path) }

    func post(_ path: String, _ body: JSONValue) throws -> APIResponse {
        try send("POST", path, body: Array(body.jsonText.utf8))
    }

    func send(_ method: String, _ path: String, body: [UInt8]? = nil) throws -> APIResponse {
        let response = try http.send(
            method: method, url: TestStack.baseURL + path, headers: [("Content-Type", "application/json")], body: body)
        let json = response.body.isEmpty ? JSONValue.null : try JSONValue(parsing: response.body)
        return APIResponse(status: response.status, headers: response.headers, json: json)
    }

    /// Submits a generation job and returns its id.
    func submit(product: String = "Wireless Earbuds", count: Int, template: String = "support_request") throws -> String {
        let response = try post(
            "/api/generate", ["product": .string(product), "count": .int(count), "template": .string(template)])
        #expect(response.status == 200)
        return try #require(response["job_id"]?.stringValue)
    }

    /// Polls the job until `done` holds or `seconds` pass; returns the last answer.
    func poll(_ jobID: String, seconds: Double = 30, until done: (APIResponse) -> Bool) throws -> APIResponse {
        let deadline = Date().addingTimeInterval(seconds)
        var last = try get("/api/result/\(jobID)")
        while !done(last) && Date() < deadline {
            usleep(50_000)
            last = try get("/api/result/\(jobID)")
        }
        return last
    }

    func waitUntilFinished(_ jobID: String, seconds: Double = 30) throws -> APIResponse {
        try poll(jobID, seconds: seconds) { ["completed", "error", "cancelled"].contains($0["status"]?.stringValue ?? "") }
    }
}

extension JSONValue {
    var samples: [JSONValue] { self["result"]?["samples"]?.arrayValue ?? [] }
}

/// Every suite that uses the stack nests here, so they run one at a time: some stop the pool, kill
/// consumers or restart PostgreSQL, which the others must not see.
@Suite(.serialized, .enabled(if: TestStack.isRunning))
struct StackTests {}
