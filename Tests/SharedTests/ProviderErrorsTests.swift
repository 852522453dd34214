import Testing

@testable import Shared

@Suite struct ProviderErrorsTests {
    static func classify(_ status: Int, _ body: String = "", headers: [String: String] = [:]) -> ProviderError? {
        ProviderErrors.classify(status: status, headers: headers, body: Array(body.utf8), model: "gpt-9")
    }

    static let openAIError = #"{"error":{"message":"Invalid value for 'temperature'.","type":"invalid_request_error"}}"#
    static let anthropicError =
        #"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: required"}}"#

    @Test(arguments: [200, 201, 204, 299])
    func successIsNoError(status: Int) {
        #expect(Self.classify(status) == nil)
    }

    @Test(arguments: [
        (429, ProviderError.Kind.rateLimited(retryAfter: nil)),
        (529, .rateLimited(retryAfter: nil)),
        (408, .retryable(retryAfter: nil)),
        (409, .retryable(retryAfter: nil)),
        (425, .retryable(retryAfter: nil)),
        (500, .retryable(retryAfter: nil)),
        (502, .retryable(retryAfter: nil)),
        (503, .retryable(retryAfter: nil)),
        (599, .retryable(retryAfter: nil)),
        (400, .fatal),
        (401, .fatal),
        (403, .fatal),
        (404, .fatal),
        (413, .fatal),
        (422, .fatal),
        (302, .fatal),
    ])
    func eachStatusHasItsClass(status: Int, kind: ProviderError.Kind) throws {
        let error = try #require(Self.classify(status))
        #expect(error.kind == kind)
        #expect(error.httpStatus == status)
    }

    @Test(arguments: [401, 403])
    func aRejectedKeyIsFatalAndNeverQuotesTheVendor(status: Int) throws {
        let body =
            #"{"error":{"message":"Incorrect API key provided: sk-proj-abcdef123456. Find your key.","#
            + #""code":"invalid_api_key"}}"#
        let error = try #require(Self.classify(status, body))
        #expect(error.message == "The provider rejected the API key (HTTP \(status))")
    }

    @Test(arguments: [
        #"{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","#
            + #""code":"model_not_found"}}"#,
        #"{"type":"error","error":{"type":"not_found_error","message":"model: gpt-9"}}"#,
        #"{"error":"model \"gpt-9\" not found, try pulling it first"}"#,
    ])
    func anUnknownModelIsFatalAndNamed(body: String) throws {
        let error = try #require(Self.classify(404, body))
        #expect(
            error
                == ProviderError(
                    .fatal, httpStatus: 404, message: "The provider does not know the model 'gpt-9' (HTTP 404)"))
    }

    @Test func aMissingEndpointPointsAtTheBaseURL() throws {
        let error = try #require(Self.classify(404, "<html><body>Not Found</body></html>"))
        #expect(error.message == "The provider has no such endpoint; check the base URL (HTTP 404)")
    }

    @Test(arguments: [
        (openAIError, "Invalid value for 'temperature'."),
        (anthropicError, "max_tokens: required"),
        (
            #"{"object":"error","message":"This model's maximum context length is 4096 tokens.","code":400}"#,
            "This model's maximum context length is 4096 tokens."
        ),
        (#"{"detail":"Field required"}"#, "Field required"),
        ("plain words\nfrom a proxy", "plain words from a proxy"),
    ])
    func otherClientErrorsAreFatalWithTheVendorsMessage(body: String, quoted: String) throws {
        let error = try #require(Self.classify(400, body))
        #expect(
            error
                == ProviderError(
                    .fatal, httpStatus: 400, message: "The provider rejected the request (HTTP 400): \(quoted)"))
    }

    @Test func anEmptyQuotaIsFatalNotARateLimit() throws {
        let body =
            #"{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","#
            + #""code":"insufficient_quota"}}"#
        let error = try #require(Self.classify(429, body))
        #expect(error.kind == .fatal)
        #expect(error.message == "The provider account has no quota left (HTTP 429): You exceeded your current quota.")
    }

    @Test func aRateLimitQuotesTheVendorAndTheWait() throws {
        let body =
            #"{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#
        let error = try #require(Self.classify(429, body, headers: ["retry-after": "20"]))
        #expect(
            error
                == ProviderError(
                    .rateLimited(retryAfter: 20), httpStatus: 429,
                    message: "The provider's rate limit was reached (HTTP 429): Rate limit reached for requests"))
    }

    @Test(
        arguments: [
            (["retry-after-ms": "1500.5", "retry-after": "7"], 1.5005),
            (["retry-after": "7"], 7.0),
            (["retry-after": "0.5"], 0.5),
            (["retry-after-ms": "250"], 0.25),
            (["retry-after-ms": "soon", "retry-after": "3"], 3.0),
            (["retry-after": "Wed, 21 Oct 2026 07:28:00 GMT"], nil),
            (["retry-after": "-5"], nil),
            ([:], nil),
        ] as [([String: String], Double?)])
    func retryAfterPrefersMillisecondsAndIgnoresDates(headers: [String: String], seconds: Double?) throws {
        #expect(RateLimitHeaders.retryAfterSeconds(headers) == seconds)
        let error = try #require(Self.classify(503, headers: headers))
        #expect(error.kind == .retryable(retryAfter: seconds))
    }

    @Test(arguments: [
        ("key sk-proj-Ab3dEf6hIj9kLm12 leaked", "key [redacted] leaked"),
        (
            "header Authorization: Bearer eyJhbGciOi.abc.def was sent",
            "header Authorization: Bearer [redacted] was sent"
        ),
        ("token 0123456789abcdefABCDEF0123456789xyz here", "token [redacted] here"),
        ("the task-force keeps its skills", "the task-force keeps its skills"),
        ("an_identifier_without_any_digits_is_kept", "an_identifier_without_any_digits_is_kept"),
    ])
    func anythingLikeAKeyIsRedacted(text: String, expected: String) {
        #expect(ProviderErrors.sanitised(text) == expected)
    }

    @Test func aRedactedKeyNeverReachesTheMessage() throws {
        let body = #"{"error":{"message":"Organization of sk-ant-api03-Zx9yW8vU7tS6rQ5pO4nM3lK2jI1h is disabled."}}"#
        let error = try #require(Self.classify(400, body))
        #expect(!error.message.contains("sk-"))
        #expect(!error.message.contains("Zx9yW8"))
        #expect(error.message.hasSuffix("Organization of [redacted] is disabled."))
    }

    @Test func longVendorMessagesAreCapped() throws {
        let long = String(repeating: "word ", count: 200)
        let error = try #require(Self.classify(400, #"{"error":{"message":""# + long + #""}}"#))
        let quoted = try #require(error.message.split(separator: ": ", maxSplits: 1).last)
        #expect(quoted.count == ProviderErrors.maximumVendorMessage + 1)
        #expect(quoted.hasSuffix("…"))
    }

    @Test(arguments: [(120.0, "120"), (1.5, "1.5"), (30.0, "30")])
    func aTimeoutIsRetryableAndSaysHowLongItWaited(timeout: Double, shown: String) {
        let error = ProviderErrors.transport(
            HTTPTransportError(message: "Timeout was reached", isTimeout: true), timeoutSeconds: timeout)
        #expect(
            error
                == ProviderError(.retryable(retryAfter: nil), message: "The provider did not answer within \(shown) s"))
    }

    @Test func anUnreachableProviderIsRetryable() {
        let error = ProviderErrors.transport(
            HTTPTransportError(message: "Couldn't connect to server", isTimeout: false), timeoutSeconds: 120)
        #expect(
            error
                == ProviderError(
                    .retryable(retryAfter: nil), message: "Could not reach the provider: Couldn't connect to server"))
    }

    @Test func aMalformedResponseIsARetryable200() {
        #expect(
            ProviderErrors.malformedResponse
                == ProviderError(
                    .retryable(retryAfter: nil), httpStatus: 200, message: "The provider sent a malformed response"))
    }

    @Test func statusNamesAreTheLLMCallStatuses() {
        #expect(ProviderError(.retryable(retryAfter: 1), message: "").statusName == "retryable")
        #expect(ProviderError(.rateLimited(retryAfter: nil), message: "").statusName == "rate_limited")
        #expect(ProviderError(.fatal, message: "").statusName == "fatal")
    }
}
