import Foundation
import Shared
import Testing

extension StackTests {
    /// The API accepts a job only for a provider and model it resolves, and pins them in the job; the consumer
    /// runs exactly those or fails the job with a reason. Names a client merely sends never reach the database.
    @Suite
    struct ModelPinningTests {
        let api = APIClient()

        static let badModels = ["'; DROP TABLE jobs; --", "offline-v1\u{0}", "offline-v2", "gpt-unpriced"]

        /// `params->>'provider'` and `params->>'model'` of a job, finished or not.
        static func pinned(_ jobID: String) throws -> (provider: String?, model: String?) {
            let rows = try TestStack.database().execute(
                Statement(
                    "pinned model",
                    """
                    SELECT params->>'provider' AS provider, params->>'model' AS model FROM jobs WHERE id = $1
                    UNION ALL
                    SELECT params->>'provider', params->>'model' FROM job_history WHERE id = $1
                    """), [try #require(UUID(uuidString: jobID))])
            let row = try #require(rows.first)
            return (try row.decodeIfPresent("provider"), try row.decodeIfPresent("model"))
        }

        /// Puts a generation job with `params` straight into the queue, as only an older version (or an operator)
        /// would, and returns its id.
        static func enqueueDirectly(_ params: JSONValue) throws -> String {
            let id = UUID()
            let database = try TestStack.database()
            try database.execute(
                Statement(
                    "direct job",
                    "INSERT INTO jobs (id, kind, queue, params) VALUES ($1, 'generate', 'generation', $2::jsonb)"),
                [id, params.jsonText])
            try database.execute(Statement("wake consumers", "SELECT pg_notify('\(JobStore.notificationChannel)', '')"))
            return id.uuidString.lowercased()
        }

        @Test func aJobNamingNoProviderOrModelPinsTheDefaultsItWasAcceptedWith() throws {
            let jobID = try api.submit(count: 1)
            let pinned = try Self.pinned(jobID)
            #expect(pinned.provider == "offline")
            #expect(pinned.model == "offline-v1")
        }

        @Test func modelNamesAClientSendsNeverBecomeBudgetRows() throws {
            for model in Self.badModels {
                let provider: JSONValue = model == "gpt-unpriced" ? "openai" : "offline"
                let body: JSONValue = ["product": "Earbuds", "provider": provider, "model": .string(model)]
                for path in ["/api/generate", "/api/validate", "/api/test-llm"] {
                    let response = try api.post(path, body)
                    #expect(response.status == 422, "\(path) \(model)")
                    #expect(response["detail"]?.arrayValue?.first?["loc"] == ["body", "model"], "\(path) \(model)")
                }
            }
            let rows = try TestStack.database().execute(
                Statement("budget rows", "SELECT count(*) AS n FROM rate_budgets WHERE model = ANY($1::text[])"),
                [Self.badModels.map { $0.replacingOccurrences(of: "\u{0}", with: "") }])
            #expect(try rows.first?.decode("n", as: Int.self) == 0)
        }

        @Test func theConsumerFailsAJobWhoseProviderAndModelItCannotRunAndMakesNoBudgetRow() throws {
            let base: JSONObject = [
                "product": "Direct Kettle", "count": 2, "version": "v1", "temperature": 0.7, "template": "support_request",
            ]
            var unknownModel = base
            unknownModel["provider"] = "offline"
            unknownModel["model"] = "offline-direct"
            let cases: [(params: JSONObject, reason: String)] = [
                (base, "does not name its provider and model"), (unknownModel, "offers only 'offline-v1'"),
            ]
            for (params, reason) in cases {
                let job = try api.waitUntilFinished(try Self.enqueueDirectly(.object(params)))
                #expect(job["status"] == "error")
                #expect(job["error_message"]?.stringValue?.contains(reason) == true, "\(job.json.jsonText)")
            }
            let rows = try TestStack.database().execute(
                Statement("budget row", "SELECT count(*) AS n FROM rate_budgets WHERE model = 'offline-direct'"))
            #expect(try rows.first?.decode("n", as: Int.self) == 0)
        }
    }
}
