#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// OpenAI's Chat Completions API, and any server that speaks it (vLLM, Ollama, llama.cpp, LiteLLM) by base URL,
/// with that server's departures described by an `OpenAICompatibility`.
public struct OpenAIProvider: Provider {
    public let name: String
    let url: String
    let apiKey: String?
    let compatibility: OpenAICompatibility
    let timeouts: ProviderTimeouts

    /// - Parameters:
    ///   - name: As stored in `llm_calls.provider`: `openai`, or `openai-compatible` for another server.
    ///   - baseURL: Up to the API version, as `https://api.openai.com/v1`; requests go to `/chat/completions`.
    ///   - apiKey: Sent as a bearer token; nil sends none, for local servers that need none.
    public init(
        name: String = "openai", baseURL: String, apiKey: String?, compatibility: OpenAICompatibility = .init(),
        timeouts: ProviderTimeouts = .init()
    ) {
        self.name = name
        self.url = (baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL) + "/chat/completions"
        self.apiKey = apiKey
        self.compatibility = compatibility
        self.timeouts = timeouts
    }

    public func prepare(_ request: CompletionRequest) -> ProviderCall {
        let headers = apiKey.map { [HTTPHeader("Authorization", "Bearer \($0)")] } ?? []
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

    /// The request body, with only what the server accepts.
    func body(for request: CompletionRequest) -> JSONValue {
        var messages = request.messages
        if let schema = request.responseSchema, !compatibility.structuredOutput {
            messages = StructuredAnswer.messages(messages, following: schema)
        }
        var body: JSONObject = [
            "model": .string(request.model),
            "messages": .array(messages.map { ["role": .string($0.role), "content": .string($0.content)] }),
        ]
        if compatibility.sendsTemperature { body["temperature"] = .double(request.temperature) }
        body[compatibility.maxTokensField.rawValue] = .int(request.maxOutputTokens)
        if compatibility.sendsSeed, let seed = request.seed { body["seed"] = .int(seed) }
        if compatibility.supportsChoices, request.choices > 1 { body["n"] = .int(request.choices) }
        if compatibility.structuredOutput, let schema = request.responseSchema {
            body["response_format"] = [
                "type": "json_schema",
                "json_schema": ["name": .string(schema.name), "strict": true, "schema": schema.schema],
            ]
        }
        if compatibility.stream {
            body["stream"] = true
            body["stream_options"] = ["include_usage": true]
        }
        return .object(body)
    }

    // MARK: - Response

    /// A `chat.completion` object: one message per choice, and the usage.
    static func wholeAnswer(_ body: [UInt8]) -> Result<VendorAnswer, ProviderError> {
        guard let json = try? JSONValue(parsing: body), let choices = json["choices"]?.arrayValue else {
            return .failure(ProviderErrors.malformedResponse)
        }
        var texts: [(index: Int, text: String)] = []
        for (position, choice) in choices.enumerated() {
            guard let content = choice["message"]?["content"]?.stringValue else {
                // Structured output answers a refusal instead of content when the model declines.
                guard let refusal = choice["message"]?["refusal"]?.stringValue else {
                    return .failure(ProviderErrors.malformedResponse)
                }
                return .failure(
                    ProviderError(
                        .retryable(retryAfter: nil), httpStatus: 200,
                        message: "The model refused to answer: \(ProviderErrors.sanitised(refusal))"))
            }
            texts.append((choice["index"]?.intValue ?? position, content))
        }
        var answer = VendorAnswer(
            texts: texts.sorted { $0.index < $1.index }.map(\.text), model: json["model"]?.stringValue)
        readUsage(json["usage"], into: &answer)
        return .success(answer)
    }

    /// `chat.completion.chunk` events: each choice's text assembled by index, the usage from the last chunk
    /// (`stream_options.include_usage`), complete only with the closing `[DONE]`.
    static func streamedAnswer(_ body: [UInt8], model: String) -> Result<VendorAnswer, ProviderError> {
        var answer = VendorAnswer()
        var texts: [Int: String] = [:]
        for event in ServerSentEvent.parse(body) {
            if event.data == "[DONE]" {
                answer.texts = texts.sorted { $0.key < $1.key }.map(\.value)
                return .success(answer)
            }
            guard let chunk = try? JSONValue(parsing: event.data) else {
                return .failure(ProviderErrors.malformedResponse)
            }
            if chunk["error"] != nil {
                // Failures inside a stream are the server's: classified as a 500 would be.
                return .failure(ProviderErrors.streamed(event.data, status: 500, model: model))
            }
            answer.model = chunk["model"]?.stringValue ?? answer.model
            for choice in chunk["choices"]?.arrayValue ?? [] {
                texts[choice["index"]?.intValue ?? 0, default: ""] += choice["delta"]?["content"]?.stringValue ?? ""
            }
            readUsage(chunk["usage"], into: &answer)
        }
        return .failure(ProviderErrors.malformedResponse)
    }

    private static func readUsage(_ usage: JSONValue?, into answer: inout VendorAnswer) {
        answer.inputTokens = usage?["prompt_tokens"]?.intValue ?? answer.inputTokens
        answer.outputTokens = usage?["completion_tokens"]?.intValue ?? answer.outputTokens
    }
}
