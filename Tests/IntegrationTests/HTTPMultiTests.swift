import Foundation
import Shared
import Testing

extension StackTests {
    /// The consumer's transport against the fake provider: no call waits on another's fate, bodies are
    /// bounded, and a transfer libcurl will not start still comes back.
    @Suite(.enabled(if: FakeProvider.isRunning))
    struct HTTPMultiTests {
        let fake = FakeProvider()

        init() throws { try fake.reset() }

        private func chat() -> HTTPRequest {
            HTTPRequest(
                method: "POST", url: (FakeProvider.url ?? "") + "/v1/chat/completions",
                headers: [
                    HTTPHeader("Authorization", "Bearer " + (TestStack.environment["OPENAI_API_KEY"] ?? "")),
                    HTTPHeader("Content-Type", "application/json"),
                ],
                body: Array(#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Review a lamp."}]}"#.utf8),
                timeoutSeconds: 20, connectTimeoutSeconds: 2)
        }

        /// Polls until `count` transfers finished or `seconds` passed.
        private func collect(_ multi: HTTPMulti, count: Int, seconds: Double) -> [HTTPMulti.Finished] {
            var finished: [HTTPMulti.Finished] = []
            let deadline = Date().addingTimeInterval(seconds)
            while finished.count < count && Date() < deadline { finished += multi.poll(timeoutMilliseconds: 50) }
            return finished
        }

        @Test func aHungCallOverPlainHTTPDoesNotHoldBackTheNextOne() throws {
            // Hung long enough for the test, short enough not to linger in the fake's in-flight count.
            try fake.configure(["fault_rate": 1, "faults": ["hang"], "hang_seconds": 6])
            defer { try? fake.reset() }
            let multi = HTTPMulti()
            multi.start(chat(), tag: 1)
            // The first call is sent and hangs on its connection.
            let deadline = Date().addingTimeInterval(10)
            while try fake.stats()["in_flight"]?.intValue ?? 0 < 1, Date() < deadline {
                _ = multi.poll(timeoutMilliseconds: 20)
            }
            try fake.configure(["fault_rate": 0])
            multi.start(chat(), tag: 2)
            let finished = collect(multi, count: 1, seconds: 10)
            #expect(finished.map(\.tag) == [2], "the second call is answered while the first still hangs")
            #expect(try finished.first?.result.get().status == 200)
            _ = multi.abortAll()
        }

        @Test func aResponseLargerThanTheLimitFailsWithAClearError() throws {
            let multi = HTTPMulti(maxResponseBytes: 64)
            multi.start(chat(), tag: 1)
            let finished = try #require(collect(multi, count: 1, seconds: 10).first)
            guard case .failure(let error) = finished.result else {
                Issue.record("expected the body to be refused, got \(finished.result)")
                return
            }
            #expect(error.message == "the response was larger than 64 bytes")
        }

        @Test func aTransferLibcurlRefusesToSetUpComesBackAsAFailure() throws {
            var request = chat()
            // libcurl refuses option strings longer than 8,000,000 bytes.
            request.url += "?q=" + String(repeating: "a", count: 8_100_000)
            let multi = HTTPMulti()
            multi.start(request, tag: 9)
            #expect(multi.inFlight == 0)
            let finished = try #require(collect(multi, count: 1, seconds: 5).first)
            #expect(finished.tag == 9)
            guard case .failure(let error) = finished.result else {
                Issue.record("expected a failure, got \(finished.result)")
                return
            }
            #expect(error.message.hasPrefix("cannot set up the request"))
        }
    }
}
