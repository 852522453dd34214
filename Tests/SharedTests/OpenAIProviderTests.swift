import Testing

@testable import Shared

@Suite struct OpenAIProviderTests {
    typealias Fixtures = ProviderFixtures

    static func provider(_ quirks: String = "", apiKey: String? = "sk-test") throws -> OpenAIProvider {
        OpenAIProvider(
            baseURL: "https://api.openai.com/v1/", apiKey: apiKey,
            compatibility: try #require(OpenAICompatibility(quirks: quirks)),
            timeouts: ProviderTimeouts(requestSeconds: 45, connectSeconds: 5))
    }

    static func interpret(_ response: HTTPResponse, quirks: String = "", schema: ResponseSchema? = nil) throws
        -> Result<Completion, ProviderError>
    {
        try provider(quirks).interpret(response, for: Fixtures.request(schema: schema))
    }

    // MARK: - Request

    @Test func requestPostsEveryFieldToChatCompletionsWithTheBearerKey() throws {
        let request = try #require(try Self.provider().prepare(Fixtures.request(choices: 3, seed: 7)).httpRequest)
        #expect(request.method == "POST")
        #expect(request.url == "https://api.openai.com/v1/chat/completions")
        #expect(
            request.headers == [
                HTTPHeader("Content-Type", "application/json"), HTTPHeader("Authorization", "Bearer sk-test"),
            ])
        #expect(request.timeoutSeconds == 45 && request.connectTimeoutSeconds == 5)
        #expect(
            request.bodyText
                == #"{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You write reviews."},"#
                + #"{"role":"user","content":"Write one."}],"temperature":0.7,"max_completion_tokens":300,"#
                + #""seed":7,"n":3}"#)
    }

    @Test func withoutAKeyNoAuthorizationIsSent() throws {
        let request = try #require(try Self.provider(apiKey: nil).prepare(Fixtures.request()).httpRequest)
        #expect(request.headers == [HTTPHeader("Content-Type", "application/json")])
    }

    @Test func oneChoiceAndNoSeedSendNeitherField() throws {
        let body = try #require(try Self.provider().prepare(Fixtures.request()).httpRequest).bodyText
        #expect(!body.contains(#""n":"#))
        #expect(!body.contains(#""seed":"#))
    }

    @Test(arguments: [
        ("no-seed", #""temperature":0.7,"max_completion_tokens":300,"n":3}"#),
        ("no-temperature", #""max_completion_tokens":300,"seed":7,"n":3}"#),
        ("max-tokens", #""temperature":0.7,"max_tokens":300,"seed":7,"n":3}"#),
        ("no-n", #""temperature":0.7,"max_completion_tokens":300,"seed":7}"#),
        (
            "stream",
            #""temperature":0.7,"max_completion_tokens":300,"seed":7,"n":3,"stream":true,"#
                + #""stream_options":{"include_usage":true}}"#
        ),
        ("no-seed,no-n,max-tokens", #""temperature":0.7,"max_tokens":300}"#),
    ])
    func eachQuirkChangesOnlyItsField(quirks: String, expectedTail: String) throws {
        let request = try #require(try Self.provider(quirks).prepare(Fixtures.request(choices: 3, seed: 7)).httpRequest)
        let messages =
            #"{"model":"gpt-4o-mini","messages":[{"role":"system","content":"You write reviews."},"#
            + #"{"role":"user","content":"Write one."}],"#
        #expect(request.bodyText == messages + expectedTail)
    }

    @Test func schemaIsSentAsStrictStructuredOutput() throws {
        let request = try #require(
            try Self.provider().prepare(Fixtures.request(schema: Fixtures.reviewSchema)).httpRequest)
        let body = try JSONValue(parsing: request.body)
        #expect(
            body["response_format"]
                == [
                    "type": "json_schema",
                    "json_schema": ["name": "review", "strict": true, "schema": Fixtures.reviewSchema.schema],
                ])
        #expect(body["messages"]?.arrayValue?.first?["content"] == "You write reviews.")
    }

    @Test func withoutStructuredOutputTheSchemaIsAskedForInTheSystemPrompt() throws {
        let provider = try Self.provider("no-structured-output")
        let request = try #require(provider.prepare(Fixtures.request(schema: Fixtures.reviewSchema)).httpRequest)
        let body = try JSONValue(parsing: request.body)
        #expect(body["response_format"] == nil)
        let system = try #require(body["messages"]?.arrayValue?.first?["content"]?.stringValue)
        #expect(system.hasPrefix("You write reviews.\n\nAnswer with exactly one JSON object"))
        #expect(system.hasSuffix(Fixtures.reviewSchema.schema.jsonText))
    }

    @Test(
        arguments: [
            ("", nil), ("no-seed", nil), ("NO-SEED , stream,", nil), ("no-seed,bogus", "bogus"), ("seed", "seed"),
        ] as [(String, String?)])
    func quirkListsParseAndUnknownNamesAreRejected(text: String, unknown: String?) {
        let compatibility = OpenAICompatibility(quirks: text)
        #expect((compatibility == nil) == (unknown != nil))
    }

    @Test func quirksSetTheirFlags() throws {
        let all = try #require(OpenAICompatibility(quirks: OpenAICompatibility.quirkNames.joined(separator: ",")))
        #expect(!all.sendsSeed && !all.sendsTemperature && !all.structuredOutput && !all.supportsChoices)
        #expect(all.maxTokensField == .maxTokens && all.stream)
        let none = OpenAICompatibility()
        #expect(none.sendsSeed && none.sendsTemperature && none.structuredOutput && none.supportsChoices)
        #expect(none.maxTokensField == .maxCompletionTokens && !none.stream)
    }

    // MARK: - Response

    @Test func choicesAreReadInIndexOrderWithTheReportedUsageAndModel() throws {
        let response = Fixtures.response(
            200,
            #"{"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini-2024-07-18","choices":["#
                + #"{"index":1,"message":{"role":"assistant","content":"Second"},"finish_reason":"stop"},"#
                + #"{"index":0,"message":{"role":"assistant","content":"First"},"finish_reason":"stop"}],"#
                + #""usage":{"prompt_tokens":21,"completion_tokens":9,"total_tokens":30}}"#)
        let completion = try Self.interpret(response).get()
        #expect(
            completion
                == Completion(
                    texts: ["First", "Second"], inputTokens: 21, outputTokens: 9, model: "gpt-4o-mini-2024-07-18"))
    }

    @Test func missingUsageAndModelAreEstimatedFromTheRequest() throws {
        let response = Fixtures.response(
            200, #"{"choices":[{"message":{"content":"A fine lamp, bright and steady."}}]}"#)
        let completion = try Self.interpret(response).get()
        #expect(completion.inputTokens == TokenEstimator.estimate(Fixtures.request().messages))
        #expect(completion.outputTokens == TokenEstimator.estimate("A fine lamp, bright and steady."))
        #expect(completion.model == "gpt-4o-mini")
    }

    @Test(arguments: [
        "", "{", "[]", "<html>502</html>", #"{"choices":[]}"#, #"{"choices":[{"message":{}}]}"#,
        #"{"choices":[{"message":{"content":null}}]}"#, #"{"object":"chat.completion"}"#,
    ])
    func aSuccessThatIsNotACompletionIsMalformedAndRetryable(body: String) throws {
        let result = try Self.interpret(Fixtures.response(200, body))
        #expect(result == .failure(ProviderErrors.malformedResponse))
        #expect(ProviderErrors.malformedResponse.kind == .retryable(retryAfter: nil))
    }

    @Test func aRefusalIsRetryableAndQuoted() throws {
        let response = Fixtures.response(
            200, #"{"choices":[{"index":0,"message":{"content":null,"refusal":"I can't help with that."}}]}"#)
        let error = try #require(try Self.interpret(response, schema: Fixtures.reviewSchema).failure)
        #expect(error.kind == .retryable(retryAfter: nil))
        #expect(error.message == "The model refused to answer: I can't help with that.")
    }

    @Test func anErrorStatusIsClassified() throws {
        let response = Fixtures.response(
            401,
            #"{"error":{"message":"Incorrect API key provided: sk-proj-abcd1234.","type":"invalid_request_error"}}"#)
        let error = try #require(try Self.interpret(response).failure)
        #expect(
            error == ProviderError(.fatal, httpStatus: 401, message: "The provider rejected the API key (HTTP 401)"))
    }

    @Test func structuredAnswersAreExtractedAndWrittenCompactly() throws {
        let response = Fixtures.response(
            200, #"{"choices":[{"message":{"content":"Here it is:\n```json\n{ \"text\" : \"Bright\" }\n```"}}]}"#)
        let completion = try Self.interpret(response, quirks: "no-structured-output", schema: Fixtures.reviewSchema)
            .get()
        #expect(completion.texts == [#"{"text":"Bright"}"#])
    }

    @Test func aStructuredAnswerWithoutJSONIsMalformed() throws {
        let response = Fixtures.response(200, #"{"choices":[{"message":{"content":"{\"text\": \"cut off"}}]}"#)
        let result = try Self.interpret(response, schema: Fixtures.reviewSchema)
        #expect(result == .failure(ProviderErrors.malformedResponse))
    }

    // MARK: - Streaming

    static let chunks = [
        #"data: {"id":"c","model":"gpt-4o-mini-2024-07-18","#
            + #""choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}"#,
        #"data: {"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"delta":{"content":"Bright "}}]}"#,
        #"data: {"model":"gpt-4o-mini-2024-07-18","choices":[{"index":1,"delta":{"content":"Dim"}}]}"#,
        #"data: {"model":"gpt-4o-mini-2024-07-18","#
            + #""choices":[{"index":0,"delta":{"content":"lamp"},"finish_reason":"stop"}]}"#,
        #"data: {"model":"gpt-4o-mini-2024-07-18","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":4}}"#,
    ]

    @Test func aStreamIsAssembledPerChoiceWithTheFinalUsage() throws {
        let completion = try Self.interpret(Fixtures.eventStream(Self.chunks + ["data: [DONE]"]), quirks: "stream")
            .get()
        #expect(
            completion
                == Completion(
                    texts: ["Bright lamp", "Dim"], inputTokens: 12, outputTokens: 4, model: "gpt-4o-mini-2024-07-18"))
    }

    @Test func aStreamCutBeforeDoneIsMalformed() throws {
        let result = try Self.interpret(Fixtures.eventStream(Self.chunks), quirks: "stream")
        #expect(result == .failure(ProviderErrors.malformedResponse))
    }

    @Test func anErrorInsideAStreamIsRetryableWithTheVendorsMessage() throws {
        let stream = Fixtures.eventStream(
            [Self.chunks[0], #"data: {"error":{"message":"The server had an error","type":"server_error"}}"#])
        let error = try #require(try Self.interpret(stream, quirks: "stream").failure)
        #expect(error.kind == .retryable(retryAfter: nil))
        #expect(error.message == "The provider failed to answer (HTTP 500): The server had an error")
    }

    @Test func aWholeAnswerIsReadEvenWhenAStreamWasAskedFor() throws {
        let response = Fixtures.response(200, #"{"choices":[{"message":{"content":"Bright"}}]}"#)
        #expect(try Self.interpret(response, quirks: "stream").get().texts == ["Bright"])
    }

    @Test func rateLimitHeadersAreRead() throws {
        let response = Fixtures.response(
            200, "{}", headers: ["x-ratelimit-remaining-requests": "499", "x-ratelimit-reset-tokens": "6m0s"])
        let snapshot = try #require(try Self.provider().rateLimits(in: response))
        #expect(snapshot.requestsRemaining == 499 && snapshot.tokensResetSeconds == 360)
    }
}
