import Foundation
import Shared
import Testing

/// The fake LLM provider `scripts/test-integration.sh` started (Tests/FakeProvider/fake_provider.py): it
/// speaks OpenAI's and Anthropic's protocols, enforces rate limits over a sliding window, injects faults,
/// and counts what it saw.
struct FakeProvider {
    static var url: String? { TestStack.environment["DATAFORGE_FAKE_PROVIDER_URL"] }
    static var isRunning: Bool { url != nil }
    private let http = HTTPClient()

    /// `{requests_total, by_status, accepted_in_max_window, by_model: {...}, …}`.
    func stats() throws -> JSONValue {
        try JSONValue(parsing: try http.send(method: "GET", url: (Self.url ?? "") + "/_fake/stats").body)
    }

    func configure(_ settings: JSONValue) throws {
        let response = try http.send(
            method: "POST", url: (Self.url ?? "") + "/_fake/config", body: Array(settings.jsonText.utf8))
        #expect(response.status == 200)
    }

    /// Clears counters, windows and faults, and restores the key the stack uses.
    func reset() throws {
        _ = try http.send(method: "POST", url: (Self.url ?? "") + "/_fake/reset")
        try configure([
            "rpm": .null, "tpm": .null, "window_seconds": 60, "fault_rate": 0, "latency_ms": 5, "jitter_ms": 0, "repeat_rate": 0,
            "require_key": .string(TestStack.environment["OPENAI_API_KEY"] ?? ""),
        ])
    }

    func requestsTotal() throws -> Int { try stats()["requests_total"]?.intValue ?? -1 }
}

extension APIClient {
    /// Submits a generation job with any body and returns its id.
    func submit(_ body: JSONValue) throws -> String {
        let response = try post("/api/generate", body)
        #expect(response.status == 200, "\(response.json.jsonText)")
        return try #require(response["job_id"]?.stringValue)
    }

    /// Submits jobs and waits for all of them.
    func runJobs(_ bodies: [JSONValue], seconds: Double = 60) throws -> [APIResponse] {
        let ids = try bodies.map { try submit($0) }
        return try ids.map { try waitUntilFinished($0, seconds: seconds) }
    }
}

extension TestStack {
    /// A job's provider calls as `llm_calls` holds them: `(status, cost_usd text, tokens_in, tokens_out, purpose)`.
    static func calls(of jobID: String) throws
        -> [(status: String, cost: String, tokensIn: Int, tokensOut: Int, purpose: String)]
    {
        let rows = try database().execute(
            Statement(
                "calls of a job",
                "SELECT status, cost_usd::text AS cost, tokens_in, tokens_out, purpose FROM llm_calls WHERE job_id = $1 ORDER BY id"),
            [try #require(UUID(uuidString: jobID))])
        return try rows.map { row in
            (try row.decode("status"), try row.decode("cost"), try row.decode("tokens_in"), try row.decode("tokens_out"),
             try row.decode("purpose"))
        }
    }

    /// The exact sum of a job's call costs, as PostgreSQL adds them.
    static func costSum(of jobID: String) throws -> Double {
        let rows = try database().execute(
            Statement("cost of a job", "SELECT coalesce(sum(cost_usd), 0)::float8 AS cost FROM llm_calls WHERE job_id = $1"),
            [try #require(UUID(uuidString: jobID))])
        return try #require(rows.first).decode("cost")
    }
}
