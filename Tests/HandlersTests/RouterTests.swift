@testable import Handlers
import Logging
import Shared
import Testing

@Suite struct RouterTests {
    /// A context whose database cannot be reached: a Unix socket directory that does not exist.
    static func makeContext(_ environment: [String: String] = [:]) throws -> HandlerContext {
        var environment = environment
        environment["DATAFORGE_DATABASE_URL"] = "host=/nonexistent dbname=x connect_timeout=1"
        let settings = try Settings(environment: environment)
        return HandlerContext(
            requestID: "test-request", logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() },
            settings: settings, database: DatabaseSession(settings: settings))
    }

    static func respond(
        _ method: String, _ path: String, query: String = "", body: String = "",
        environment: [String: String] = [:]
    ) throws -> (status: Int, body: JSONValue, response: Response) {
        let request = Request(
            method: method, path: path, queryString: query, parameters: [:], body: Array(body.utf8),
            requestID: "test-request")
        let response = Routes.router.respond(to: request, context: try makeContext(environment))
        return (response.status, try JSONValue(parsing: response.body), response)
    }

    static let validBody = #"{"product":"Wireless Earbuds","count":3}"#
    private static let someID = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f"

    @Test(arguments: ["/nope", "/api", "/api/stats", "/api/result", "/api/result/a/b", "/api/generate/x", "/healthz"])
    func unknownPathIs404NotFound(path: String) throws {
        let answer = try Self.respond("GET", path)
        #expect(answer.status == 404)
        #expect(answer.body == ["detail": "Not Found"])
    }

    @Test(arguments: [
        ("POST", "/health"), ("GET", "/api/generate"), ("PUT", "/api/generate"), ("GET", "/api/test-llm"),
        ("POST", "/api/config"), ("DELETE", "/api/result/x"), ("GET", "/api/job/x"), ("GET", "/api/validate"),
    ])
    func wrongMethodOnAKnownPathIs405(method: String, path: String) throws {
        let answer = try Self.respond(method, path)
        #expect(answer.status == 405)
        #expect(answer.body == ["detail": "Method Not Allowed"])
    }

    @Test func everyResponseIsJSON() throws {
        for (method, path) in [("GET", "/health"), ("GET", "/nope"), ("POST", "/health"), ("POST", "/api/generate")] {
            let answer = try Self.respond(method, path)
            #expect(answer.response.headers.contains { $0.0 == "Content-Type" && $0.1 == "application/json" })
        }
    }

    @Test(arguments: ["GET", "HEAD"])
    func livenessIsOkWithoutTheDatabase(method: String) throws {
        let answer = try Self.respond(method, "/health")
        #expect(answer.status == 200)
        #expect(answer.body["status"] == "ok")
        let timestamp = try #require(answer.body["timestamp"]?.stringValue)
        #expect(RFC3339.parse(timestamp) != nil)
        #expect(timestamp.hasSuffix("Z"))
    }

    @Test(arguments: ["not-a-uuid", "123", "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6"])
    func resultOfAnIdThatIsNotAUUIDIs404WithoutTheDatabase(id: String) throws {
        let answer = try Self.respond("GET", "/api/result/\(id)")
        #expect(answer.status == 404)
        #expect(answer.body == ["detail": .string("Job \(id) not found")])
    }

    @Test func cancelOfAnIdThatIsNotAUUIDIs404WithoutTheDatabase() throws {
        let answer = try Self.respond("DELETE", "/api/job/not-a-uuid")
        #expect(answer.status == 404)
        #expect(answer.body == ["detail": "Job not-a-uuid not found"])
    }

    @Test(arguments: [
        (#"{"product":"x"}"#, ["body", "product"]),
        (#"{"product":"Phone","count":0}"#, ["body", "count"]),
        (#"{"product":"Phone","count":51}"#, ["body", "count"]),
        ("{", ["body"]),
        ("", ["body"]),
    ])
    func generateWithABadBodyIs422BeforeAnyDatabaseUse(body: String, loc: [String]) throws {
        let answer = try Self.respond("POST", "/api/generate", body: body)
        #expect(answer.status == 422)
        let detail = try #require(answer.body["detail"]?.arrayValue)
        #expect(detail.count == 1)
        #expect(detail.first?["loc"] == .array(loc.map(JSONValue.string)))
        #expect(detail.first?["type"]?.stringValue?.isEmpty == false)
        #expect(detail.first?["msg"]?.stringValue?.isEmpty == false)
    }

    @Test func generateHonoursTheConfiguredMaximumCount() throws {
        let body = #"{"product":"Phone","count":11}"#
        let answer = try Self.respond("POST", "/api/generate", body: body, environment: [
            "DATAFORGE_MAX_SAMPLES_PER_REQUEST": "10"
        ])
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["type"] == "less_than_equal")
    }

    /// User versions of a built-in name live in the database: without it, an unknown version is a 503, not a
    /// guess (the 400 naming the versions is checked through nginx in `TemplateTests`).
    @Test func generateWithAnUnknownTemplateVersionNeedsTheDatabase() throws {
        let answer = try Self.respond("POST", "/api/generate", body: #"{"product":"Phone","version":"v9"}"#)
        #expect(answer.status == 503)
    }

    @Test(arguments: [
        ("POST", "/api/generate", validBody),
        ("GET", "/api/result/\(someID)", ""),
        ("DELETE", "/api/job/\(someID)", ""),
        ("GET", "/api/jobs", ""),
        ("GET", "/api/jobs/\(someID)/samples", ""),
    ])
    func unreachableDatabaseIs503NeverA500(method: String, path: String, body: String) throws {
        let answer = try Self.respond(method, path, body: body)
        #expect(answer.status == 503)
        #expect(answer.body == ["detail": "Database unavailable"])
    }

    @Test func healthReportsUnhealthyWhenTheDatabaseIsUnreachable() throws {
        let answer = try Self.respond("GET", "/api/health")
        #expect(answer.status == 503)
        #expect(answer.body["status"] == "unhealthy")
    }

    @Test func configHasTheDefaultLimits() throws {
        let answer = try Self.respond("GET", "/api/config")
        #expect(answer.status == 200)
        #expect(answer.body["limits"]?["max_samples"] == 50)
        #expect(answer.body["limits"]?["min_samples"] == 1)
        #expect(answer.body["templates"]?["default"] == "support_request")
        #expect(answer.body["augmentation_strategies"] == ["CDA", "ADA", "CADA"])
    }

    @Test func configLimitFollowsTheSetting() throws {
        let answer = try Self.respond("GET", "/api/config", environment: ["DATAFORGE_MAX_SAMPLES_PER_REQUEST": "20"])
        #expect(answer.body["limits"]?["max_samples"] == 20)
    }
}
