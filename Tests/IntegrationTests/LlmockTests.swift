import Foundation
import Shared
import Testing

/// llmock (PyPI, `llmock==0.2.2`), a mock LLM server nobody on the team wrote, that
/// `scripts/test-integration.sh` started: the stack's `openai-compatible` provider points at it.
enum Llmock {
    static var url: String? { TestStack.environment["DATAFORGE_LLMOCK_URL"] }
    static var isRunning: Bool { url != nil }
    static let model = "llmock-model"

    /// Queues llmock fault behaviours (`POST /_llmock/scenario`).
    static func scenario(_ behaviours: JSONValue) throws {
        let response = try HTTPClient().send(
            method: "POST", url: (url ?? "") + "/_llmock/scenario", headers: [("Content-Type", "application/json")],
            body: Array(JSONValue.object(["behaviors": behaviours]).jsonText.utf8))
        #expect(response.status == 201)
    }

    static func clearScenarios() throws {
        _ = try HTTPClient().send(method: "DELETE", url: (url ?? "") + "/_llmock/scenario")
    }
}

extension StackTests {
    @Suite(.enabled(if: Llmock.isRunning))
    struct LlmockTests {
        let api = APIClient()

        init() throws { try Llmock.clearScenarios() }

        func request(_ index: Int) -> CompletionRequest {
            CompletionRequest(
                model: Llmock.model, messages: [ChatMessage(role: "user", content: "Write a review of a kettle.")],
                temperature: 0.5, maxOutputTokens: 100)
        }

        @Test func bothProtocolClientsTalkToIt() throws {
            let base = try #require(Llmock.url)
            let client = HTTPClient()
            let openAI = OpenAIProvider(name: "openai-compatible", baseURL: base + "/v1", apiKey: "sk-llmock")
            let anthropic = AnthropicProvider(baseURL: base + "/anthropic", apiKey: "sk-llmock")
            for provider in [openAI, anthropic] as [any Provider] {
                let completion = try provider.completeBlocking(request(0), client: client)
                #expect(!completion.text.isEmpty)
                #expect(completion.outputTokens > 0)
                #expect(completion.model == Llmock.model)
            }
        }

        @Test func itsRateLimitHeadersAreLearnedByTheClusterBudget() throws {
            let job = try api.waitUntilFinished(try api.submit([
                "product": "Mock Kettle", "count": 3, "provider": "openai-compatible", "model": .string(Llmock.model),
                "samples_per_call": 1,
            ]))
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            #expect(job.json.samples.count == 3)
            let status = try api.get("/api/rate-limit-status")
            let row = status["rate_limiting"]?["providers"]?.arrayValue?.first {
                $0["provider"] == "openai-compatible" && $0["model"]?.stringValue == Llmock.model
            }
            #expect(row?["limits_source"] == "headers")
            #expect(row?["requests"]?["limit"]?.intValue == 600, "llmock was started with --rpm 600")
        }

        @Test func itsServerErrorsAreRetriedAndItsRateLimitsWaitedOut() throws {
            try Llmock.scenario([
                ["type": "fail", "status": 503, "times": 2],
                ["type": "fail", "status": 429, "retry_after": 1, "times": 2],
            ])
            let jobID = try api.submit([
                "product": "Flaky Kettle", "count": 3, "provider": "openai-compatible", "model": .string(Llmock.model),
                "samples_per_call": 1,
            ])
            let job = try api.waitUntilFinished(jobID)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            #expect(job.json.samples.count == 3)
            let statuses = try TestStack.calls(of: jobID).map(\.status)
            #expect(statuses.filter { $0 == "retryable" }.count == 2)
            #expect(statuses.filter { $0 == "rate_limited" }.count == 2)
            // Each answer is a stored sample; one llmock repeats is rejected as a duplicate and replaced.
            let stored = try api.get("/api/jobs/\(jobID)/samples?limit=1000")["samples"]?.arrayValue ?? []
            #expect(statuses.filter { $0 == "ok" }.count == stored.count)
        }

        @Test func itsAuthenticationErrorFailsTheJobWithoutRetries() throws {
            try Llmock.scenario([["type": "fail", "status": 401, "times": .null, "message": "Invalid API key"]])
            defer { try? Llmock.clearScenarios() }
            let jobID = try api.submit([
                "product": "Locked Kettle", "count": 3, "provider": "openai-compatible", "model": .string(Llmock.model),
            ])
            let job = try api.waitUntilFinished(jobID)
            #expect(job["status"] == "error")
            #expect(job["error_message"]?.stringValue?.contains("rejected the API key") == true)
            #expect(try TestStack.calls(of: jobID).allSatisfy { $0.status == "fatal" })
        }
    }
}
