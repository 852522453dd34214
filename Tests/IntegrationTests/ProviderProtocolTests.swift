import Foundation
import Shared
import Testing

extension StackTests {
    /// The providers' HTTP exchanges with the fake provider over loopback, call by call: streaming,
    /// structured output, rate-limit headers and every kind of fault, through both transports (the
    /// consumer's `HTTPMulti` and the handlers' `HTTPClient`).
    @Suite(.enabled(if: FakeProvider.isRunning))
    struct ProviderProtocolTests {
        let fake = FakeProvider()
        let key = TestStack.environment["OPENAI_API_KEY"] ?? ""

        init() throws { try fake.reset() }

        func openAI(_ quirks: String = "", timeout: Double = 10) throws -> OpenAIProvider {
            OpenAIProvider(
                baseURL: (FakeProvider.url ?? "") + "/v1", apiKey: key,
                compatibility: try #require(OpenAICompatibility(quirks: quirks)),
                timeouts: ProviderTimeouts(requestSeconds: timeout, connectSeconds: 2))
        }

        func anthropic(stream: Bool = false) -> AnthropicProvider {
            AnthropicProvider(baseURL: FakeProvider.url ?? "", apiKey: key, stream: stream)
        }

        func request(choices: Int = 1, schema: ResponseSchema? = nil) -> CompletionRequest {
            CompletionRequest(
                model: "gpt-4o-mini", messages: [
                    ChatMessage(role: "system", content: "You write product reviews."),
                    ChatMessage(role: "user", content: "Review the Aurora desk lamp in three sentences."),
                ], temperature: 0.7, maxOutputTokens: 300, choices: choices, seed: 3, responseSchema: schema)
        }

        /// Sends through the consumer's transport and waits for the one answer.
        func sendMulti(_ provider: any Provider, _ request: CompletionRequest) throws
            -> (Result<Completion, ProviderError>, RateLimitSnapshot?)
        {
            guard case .http(let http) = provider.prepare(request) else {
                Issue.record("an HTTP provider prepares HTTP")
                throw ProviderError(.fatal, message: "not HTTP")
            }
            let multi = HTTPMulti()
            multi.start(http, tag: 7)
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                guard let finished = multi.poll(timeoutMilliseconds: 100).first else { continue }
                #expect(finished.tag == 7)
                switch finished.result {
                case .success(let response):
                    return (provider.interpret(response, for: request), provider.rateLimits(in: response))
                case .failure(let error):
                    return (.failure(ProviderErrors.transport(error, timeoutSeconds: http.timeoutSeconds)), nil)
                }
            }
            throw ProviderError(.fatal, message: "no answer within 30 s")
        }

        @Test(arguments: [false, true])
        func openAIAnswersWithEveryChoiceAndItsUsage(streaming: Bool) throws {
            let (result, _) = try sendMulti(try openAI(streaming ? "stream" : ""), request(choices: 3))
            let completion = try result.get()
            #expect(completion.texts.count == 3)
            #expect(Set(completion.texts).count == 3, "choices differ")
            #expect(completion.inputTokens > 10 && completion.outputTokens > 10)
            #expect(completion.model == "gpt-4o-mini")
        }

        @Test(arguments: [false, true])
        func anthropicAnswersWithItsUsage(streaming: Bool) throws {
            let completion = try anthropic(stream: streaming).completeBlocking(request(), client: HTTPClient())
            #expect(completion.text.split(separator: " ").count > 20)
            #expect(completion.inputTokens > 10 && completion.outputTokens > 10)
        }

        /// Schema by instruction (`no-structured-output`) is the tolerant parser's, unit-tested: the fake
        /// answers JSON only to `response_format`.
        @Test func structuredOutputFollowsTheSchema() throws {
            let schema = ResponseSchema(name: "review", schema: [
                "type": "object", "additionalProperties": false, "required": ["title", "rating"],
                "properties": ["title": ["type": "string"], "rating": ["type": "integer"]],
            ])
            let completion = try openAI().completeBlocking(request(schema: schema), client: HTTPClient())
            let answer = try JSONValue(parsing: Array(completion.text.utf8))
            #expect(answer["title"]?.stringValue != nil)
            #expect(answer["rating"]?.intValue != nil)
        }

        @Test func rateLimitHeadersAreReadFromEveryAnswer() throws {
            try fake.configure(["rpm": 50, "tpm": 100_000])
            defer { try? fake.reset() }
            let (result, snapshot) = try sendMulti(try openAI(), request())
            _ = try result.get()
            #expect(snapshot?.requestsLimit == 50)
            #expect(snapshot?.requestsRemaining == 49)
            #expect(snapshot?.tokensLimit == 100_000)
            #expect((snapshot?.requestsResetSeconds ?? 0) > 0)
        }

        @Test func aRateLimitedAnswerSaysWhenToRetry() throws {
            try fake.configure(["rpm": 1])
            defer { try? fake.reset() }
            _ = try sendMulti(try openAI(), request()).0.get()
            let (result, snapshot) = try sendMulti(try openAI(), request())
            guard case .failure(let error) = result, case .rateLimited(let retryAfter) = error.kind else {
                Issue.record("expected a rate limit, got \(result)")
                return
            }
            #expect(error.httpStatus == 429)
            #expect((retryAfter ?? 0) > 1)
            #expect(snapshot?.requestsRemaining == 0)
        }

        @Test(arguments: [("500", 500), ("503", 503), ("malformed", 200), ("truncated", nil), ("drop", nil)] as [(String, Int?)])
        func faultsAreRetryable(fault: String, status: Int?) throws {
            try fake.configure(["fault_rate": 1, "faults": [.string(fault)]])
            defer { try? fake.reset() }
            let (result, _) = try sendMulti(try openAI(), request())
            guard case .failure(let error) = result, case .retryable = error.kind else {
                Issue.record("\(fault): expected a retryable error, got \(result)")
                return
            }
            if let status { #expect(error.httpStatus == status) }
        }

        @Test func anthropicOverloadIsTreatedAsARateLimit() throws {
            try fake.configure(["fault_rate": 1, "faults": ["529"]])
            defer { try? fake.reset() }
            #expect(throws: ProviderError.self) { try anthropic().completeBlocking(request(), client: HTTPClient()) }
            do {
                _ = try anthropic().completeBlocking(request(), client: HTTPClient())
            } catch {
                guard case .rateLimited = error.kind else {
                    Issue.record("529 is a rate limit, got \(error)")
                    return
                }
            }
        }

        @Test func aHangingProviderTimesOut() throws {
            try fake.configure(["fault_rate": 1, "faults": ["hang"], "hang_seconds": 30])
            defer { try? fake.reset() }
            let started = Date()
            let (result, _) = try sendMulti(try openAI(timeout: 1), request())
            #expect(Date().timeIntervalSince(started) < 5)
            guard case .failure(let error) = result, case .retryable = error.kind else {
                Issue.record("expected a retryable timeout, got \(result)")
                return
            }
            #expect(error.message.contains("did not answer"))
        }

        @Test(.enabled(if: TestStack.environment["DATAFORGE_TLS_FAKE_URL"] != nil))
        func concurrentCallsOverTLSShareOneHTTP2Connection() throws {
            let url = try #require(TestStack.environment["DATAFORGE_TLS_FAKE_URL"])
            let provider = OpenAIProvider(baseURL: url + "/v1", apiKey: key)
            let multi = HTTPMulti(caFile: TestStack.environment["DATAFORGE_TLS_FAKE_CA"])
            guard case .http(let http) = provider.prepare(request()) else { throw ProviderError(.fatal, message: "not HTTP") }
            for tag in 0..<8 { multi.start(http, tag: tag) }
            var finished: [HTTPMulti.Finished] = []
            let deadline = Date().addingTimeInterval(20)
            while finished.count < 8 && Date() < deadline { finished += multi.poll(timeoutMilliseconds: 100) }
            #expect(finished.count == 8)
            for transfer in finished {
                let response = try transfer.result.get()
                #expect(response.status == 200)
                _ = try provider.interpret(response, for: request()).get()
                #expect(transfer.httpMajorVersion == 2)
            }
            #expect(finished.map(\.newConnections).reduce(0, +) == 1, "eight calls, one connection")
        }

        @Test(.enabled(if: TestStack.environment["DATAFORGE_TLS_FAKE_URL"] != nil))
        func anUntrustedCertificateIsRefused() throws {
            let url = try #require(TestStack.environment["DATAFORGE_TLS_FAKE_URL"])
            let provider = OpenAIProvider(baseURL: url + "/v1", apiKey: key)
            #expect(throws: ProviderError.self) { try provider.completeBlocking(request(), client: HTTPClient()) }
        }

        @Test func unknownModelIsFatal() throws {
            var missing = request()
            missing.model = "missing-model"
            let (result, _) = try sendMulti(try openAI(), missing)
            guard case .failure(let error) = result else {
                Issue.record("expected an error")
                return
            }
            #expect(error.kind == .fatal)
            #expect(error.httpStatus == 404)
        }
    }
}
