import Foundation
import Shared
import Testing

extension StackTests {
    /// Requests that may take long (a test call to a provider that does not answer) have a pool of their own
    /// and a bound, so the short requests always answer at once.
    @Suite(.enabled(if: FakeProvider.isRunning))
    struct LongRequestTests {
        let fake = FakeProvider()

        /// One request's answer and how long it took.
        struct Outcome: Sendable {
            var status: Int
            var seconds: Double
            var detail: String?
            var retryAfter: String?
        }

        /// Sends one request with a client of its own and times it.
        static func send(_ method: String, _ path: String, body: JSONValue? = nil) -> Outcome {
            let start = Date()
            let response = try? APIClient().send(method, path, body: body.map { Array($0.jsonText.utf8) })
            return Outcome(
                status: response?.status ?? 0, seconds: Date().timeIntervalSince(start),
                detail: response?["detail"]?.stringValue, retryAfter: response?.headers["retry-after"])
        }

        @Test func livenessAndConfigAnswerWithinTwoSecondsWhileSixteenTestLLMCallsHang() throws {
            try fake.reset()
            try fake.configure(["fault_rate": 1, "faults": ["hang"], "hang_seconds": 4])
            defer { try? fake.reset() }
            let before = try fake.requestsTotal()
            let hanging: JSONValue = ["provider": "openai", "model": "gpt-4o-mini"]
            let outcomes = concurrently(17) { index -> [Outcome] in
                guard index == 16 else { return [Self.send("POST", "/api/test-llm", body: hanging)] }
                // Measure once the provider holds calls that will not be answered for seconds.
                let deadline = Date().addingTimeInterval(10)
                let observer = FakeProvider()
                while Date() < deadline, ((try? observer.requestsTotal()) ?? before) - before < 4 { usleep(20_000) }
                return [Self.send("GET", "/health"), Self.send("GET", "/api/config")]
            }
            #expect(try fake.requestsTotal() - before >= 4, "the test calls reached the hanging provider")
            let short = try #require(outcomes.last)
            for outcome in short {
                #expect(outcome.status == 200)
                #expect(outcome.seconds < 2, "a short request took \(outcome.seconds) s")
            }
            let calls = outcomes.dropLast().flatMap { $0 }
            let answered = calls.filter { $0.status == 200 }
            let refused = calls.filter { $0.status == 429 }
            #expect(answered.count + refused.count == 16, "statuses: \(calls.map(\.status))")
            #expect(!answered.isEmpty && answered.count <= 4, "at most 4 test calls at once: \(answered.count)")
            #expect(refused.allSatisfy { $0.detail == "Too many requests" && $0.retryAfter == "1" })
        }
    }
}
