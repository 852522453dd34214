import Testing

@testable import Shared

@Suite struct AnthropicProviderTests {
    typealias Fixtures = ProviderFixtures

    static let provider = AnthropicProvider(apiKey: "sk-ant-test", timeouts: ProviderTimeouts(requestSeconds: 30))

    static func interpret(_ response: HTTPResponse, schema: ResponseSchema? = nil) -> Result<Completion, ProviderError>
    {
        provider.interpret(response, for: Fixtures.request(model: "claude-haiku-4-5", schema: schema))
    }

    // MARK: - Request

    @Test func requestPostsToMessagesWithTheKeyAndVersionHeaders() throws {
        let request = try #require(Self.provider.prepare(Fixtures.request(model: "claude-haiku-4-5")).httpRequest)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.anthropic.com/v1/messages")
        #expect(
            request.headers == [
                HTTPHeader("Content-Type", "application/json"), HTTPHeader("x-api-key", "sk-ant-test"),
                HTTPHeader("anthropic-version", "2023-06-01"),
            ])
        #expect(request.timeoutSeconds == 30 && request.connectTimeoutSeconds == 10)
    }

    @Test(arguments: [
        ("https://api.anthropic.com", "https://api.anthropic.com/v1/messages"),
        ("https://api.anthropic.com/", "https://api.anthropic.com/v1/messages"),
        ("http://proxy.internal:8080/v1", "http://proxy.internal:8080/v1/messages"),
        ("http://proxy.internal:8080/v1/", "http://proxy.internal:8080/v1/messages"),
    ])
    func theVersionPathIsAddedOnce(baseURL: String, url: String) throws {
        let provider = AnthropicProvider(baseURL: baseURL, apiKey: "k")
        #expect(try #require(provider.prepare(Fixtures.request()).httpRequest).url == url)
    }

    @Test func systemMessagesAreJoinedAndTemperatureIsClampedWithoutSeedOrChoices() throws {
        let messages = [
            ChatMessage(role: "system", content: "You write reviews."),
            ChatMessage(role: "user", content: "Write one."),
            ChatMessage(role: "system", content: "Be brief."), ChatMessage(role: "assistant", content: "Sure."),
            ChatMessage(role: "tool", content: "ignored"),
        ]
        let completionRequest = Fixtures.request(
            model: "claude-haiku-4-5", temperature: 1.5, choices: 3, seed: 7, messages: messages)
        let request = try #require(Self.provider.prepare(completionRequest).httpRequest)
        #expect(
            request.bodyText
                == #"{"model":"claude-haiku-4-5","max_tokens":300,"temperature":1.0,"#
                + #""system":"You write reviews.\n\nBe brief.","messages":[{"role":"user","content":"Write one."},"#
                + #"{"role":"assistant","content":"Sure."}]}"#)
    }

    @Test func streamingAsksForAStream() throws {
        let provider = AnthropicProvider(apiKey: "k", stream: true)
        let body = try JSONValue(parsing: try #require(provider.prepare(Fixtures.request()).httpRequest).body)
        #expect(body["stream"] == true)
    }

    @Test func aSchemaIsAskedForInTheSystemPrompt() throws {
        let request = try #require(Self.provider.prepare(Fixtures.request(schema: Fixtures.reviewSchema)).httpRequest)
        let system = try #require(try JSONValue(parsing: request.body)["system"]?.stringValue)
        #expect(system.hasPrefix("You write reviews.\n\nAnswer with exactly one JSON object"))
        #expect(system.hasSuffix(Fixtures.reviewSchema.schema.jsonText))
    }

    // MARK: - Response

    @Test func textBlocksAreJoinedAndCachedInputCounts() throws {
        let response = Fixtures.response(
            200,
            #"{"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5-20251001","content":["#
                + #"{"type":"text","text":"Bright "},{"type":"thinking","thinking":"hm"},"#
                + #"{"type":"text","text":"lamp"}],"#
                + #""stop_reason":"end_turn","usage":{"input_tokens":20,"cache_creation_input_tokens":5,"#
                + #""cache_read_input_tokens":100,"output_tokens":8}}"#)
        let completion = try Self.interpret(response).get()
        #expect(
            completion
                == Completion(
                    texts: ["Bright lamp"], inputTokens: 125, outputTokens: 8, model: "claude-haiku-4-5-20251001"))
    }

    @Test(arguments: ["", "{}", #"{"type":"message","content":"text"}"#, "<html></html>"])
    func aSuccessThatIsNotAMessageIsMalformed(body: String) {
        #expect(Self.interpret(Fixtures.response(200, body)) == .failure(ProviderErrors.malformedResponse))
    }

    @Test func anOverloadedAnswerIsARateLimit() throws {
        let response = Fixtures.response(
            529, #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#,
            headers: ["retry-after": "4"])
        let error = try #require(Self.interpret(response).failure)
        #expect(
            error
                == ProviderError(
                    .rateLimited(retryAfter: 4), httpStatus: 529,
                    message: "The provider is overloaded (HTTP 529): Overloaded"))
    }

    @Test func structuredAnswersAreExtractedFromProse() throws {
        let response = Fixtures.response(
            200, #"{"content":[{"type":"text","text":"Sure! {\"text\": \"Bright {really}\"} Hope it helps."}]}"#)
        #expect(
            try Self.interpret(response, schema: Fixtures.reviewSchema).get().texts == [#"{"text":"Bright {really}"}"#])
    }

    // MARK: - Streaming

    static let events = [
        "event: message_start\n"
            + #"data: {"type":"message_start","message":{"id":"msg_1","model":"claude-haiku-4-5-20251001","#
            + #""content":[],"usage":{"input_tokens":25,"cache_read_input_tokens":10,"output_tokens":1}}}"#,
        "event: content_block_start\n"
            + #"data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}"#,
        "event: ping\n" + #"data: {"type": "ping"}"#,
        "event: content_block_delta\n"
            + #"data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Bright "}}"#,
        "event: content_block_delta\n"
            + #"data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"lamp"}}"#,
        "event: content_block_stop\n" + #"data: {"type":"content_block_stop","index":0}"#,
        "event: message_delta\n"
            + #"data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":15}}"#,
    ]

    @Test func aStreamIsAssembledWithUsageFromStartAndDelta() throws {
        let stream = Fixtures.eventStream(Self.events + ["event: message_stop\n" + #"data: {"type":"message_stop"}"#])
        let completion = try Self.interpret(stream).get()
        #expect(
            completion
                == Completion(
                    texts: ["Bright lamp"], inputTokens: 35, outputTokens: 15, model: "claude-haiku-4-5-20251001"))
    }

    @Test func aStreamCutBeforeMessageStopIsMalformed() {
        #expect(Self.interpret(Fixtures.eventStream(Self.events)) == .failure(ProviderErrors.malformedResponse))
    }

    @Test(arguments: [
        ("overloaded_error", ProviderError.Kind.rateLimited(retryAfter: nil), 529),
        ("api_error", .retryable(retryAfter: nil), 500),
        ("invalid_request_error", .fatal, 400),
    ])
    func anErrorEventIsClassifiedAsItsStatus(type: String, kind: ProviderError.Kind, status: Int) throws {
        let stream = Fixtures.eventStream(
            Array(Self.events.prefix(2))
                + ["event: error\n" + #"data: {"type":"error","error":{"type":""# + type + #"","message":"Stopped"}}"#])
        let error = try #require(Self.interpret(stream).failure)
        #expect(error.kind == kind)
        #expect(error.httpStatus == status)
        #expect(error.message.hasSuffix("(HTTP \(status)): Stopped"))
    }
}
