#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Anthropic's Messages API.
///
/// It has no seed, no `n` and no enforced schema: a schema is asked for by instruction and read back tolerantly,
/// and several choices are answered with one.
public struct AnthropicProvider: Provider {
    public let name = "anthropic"
    /// The API version every request names.
    public static let apiVersion = "2023-06-01"
    let url: String
    let apiKey: String
    let stream: Bool
    let timeouts: ProviderTimeouts

    /// - Parameters:
    ///   - baseURL: The API's origin, `https://api.anthropic.com`; a base ending in `/v1` is accepted too.
    ///   - stream: Whether answers arrive as server-sent events.
    /// Anthropic counts output tokens as produced, so the budget gives back what a call did not use.
    public var countsMaximumOutputTokens: Bool { false }

    public init(
        baseURL: String = "https://api.anthropic.com", apiKey: String, stream: Bool = false,
        timeouts: ProviderTimeouts = .init()
    ) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.url = base + (base.hasSuffix("/v1") ? "/messages" : "/v1/messages")
        self.apiKey = apiKey
        self.stream = stream
        self.timeouts = timeouts
    }

    public func prepare(_ request: CompletionRequest) -> ProviderCall {
        let headers = [HTTPHeader("x-api-key", apiKey), HTTPHeader("anthropic-version", Self.apiVersion)]
        return .http(HTTPRequest(postingJSON: body(for: request), to: url, headers: headers, timeouts: timeouts))
    }

    public func interpret(_ response: HTTPResponse, for request: CompletionRequest)
        -> Result<Completion, ProviderError>
    {
        VendorAnswer.read(response, for: request, whole: Self.wholeAnswer, streamed: Self.streamedAnswer)
    }

    public func rateLimits(in response: HTTPResponse) -> RateLimitSnapshot? {
        RateLimitHeaders.snapshot(response.headers, now: Date())
    }

    // MARK: - Request

    /// The request body: system messages joined into `system`, the conversation in `messages`.
    func body(for request: CompletionRequest) -> JSONValue {
        var messages = request.messages
        if let schema = request.responseSchema { messages = StructuredAnswer.messages(messages, following: schema) }
        let system = messages.filter { $0.role == "system" }.map(\.content).joined(separator: "\n\n")
        let conversation = messages.filter { $0.role == "user" || $0.role == "assistant" }
        var body: JSONObject = [
            "model": .string(request.model),
            "max_tokens": .int(request.maxOutputTokens),
            // Anthropic's range is 0…1, OpenAI's 0…2: a request written for either stays valid.
            "temperature": .double(min(1, max(0, request.temperature))),
        ]
        if !system.isEmpty { body["system"] = .string(system) }
        body["messages"] = .array(conversation.map { ["role": .string($0.role), "content": .string($0.content)] })
        if stream { body["stream"] = true }
        return .object(body)
    }

    // MARK: - Response

    /// A `message` object: its text blocks concatenated, and the usage.
    static func wholeAnswer(_ body: [UInt8]) -> Result<VendorAnswer, ProviderError> {
        guard let json = try? JSONValue(parsing: body), let content = json["content"]?.arrayValue else {
            return .failure(ProviderErrors.malformedResponse)
        }
        let text = content.filter { $0["type"]?.stringValue == "text" }.compactMap { $0["text"]?.stringValue }.joined()
        var answer = VendorAnswer(texts: [text], model: json["model"]?.stringValue)
        readUsage(json["usage"], into: &answer)
        return .success(answer)
    }

    /// The event stream: usage from `message_start` and `message_delta`, text from `text_delta`s, complete
    /// only with `message_stop`; an `error` event is classified as its HTTP equivalent would be.
    static func streamedAnswer(_ body: [UInt8], model: String) -> Result<VendorAnswer, ProviderError> {
        var answer = VendorAnswer()
        var text = ""
        for event in ServerSentEvent.parse(body) {
            guard let data = try? JSONValue(parsing: event.data) else {
                return .failure(ProviderErrors.malformedResponse)
            }
            switch data["type"]?.stringValue ?? event.event {
            case "message_start":
                answer.model = data["message"]?["model"]?.stringValue
                readUsage(data["message"]?["usage"], into: &answer)
            case "content_block_delta" where data["delta"]?["type"]?.stringValue == "text_delta":
                text += data["delta"]?["text"]?.stringValue ?? ""
            case "message_delta":
                readUsage(data["usage"], into: &answer)
            case "message_stop":
                answer.texts = [text]
                return .success(answer)
            case "error":
                let status = errorStatuses[data["error"]?["type"]?.stringValue ?? ""] ?? 500
                return .failure(ProviderErrors.streamed(event.data, status: status, model: model))
            default:
                break  // ping, content_block_start, content_block_stop, other block types
            }
        }
        return .failure(ProviderErrors.malformedResponse)
    }

    /// The HTTP status Anthropic documents for each error type.
    static let errorStatuses = [
        "invalid_request_error": 400, "authentication_error": 401, "permission_error": 403, "not_found_error": 404,
        "request_too_large": 413, "rate_limit_error": 429, "api_error": 500, "timeout_error": 504,
        "overloaded_error": 529,
    ]

    /// Input counts the cached prompt tokens too: the model read them, and the call's record should say so.
    private static func readUsage(_ usage: JSONValue?, into answer: inout VendorAnswer) {
        if let input = usage?["input_tokens"]?.intValue {
            answer.inputTokens =
                input + (usage?["cache_read_input_tokens"]?.intValue ?? 0)
                + (usage?["cache_creation_input_tokens"]?.intValue ?? 0)
        }
        answer.outputTokens = usage?["output_tokens"]?.intValue ?? answer.outputTokens
    }
}
