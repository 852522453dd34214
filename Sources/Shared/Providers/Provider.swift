/// Turns a completion request into the HTTP exchange of one LLM vendor, and that vendor's answer back into a
/// completion.
///
/// Implementations know one vendor's HTTP shapes and nothing of jobs, budgets, transports or SQL: they never
/// block and never send anything themselves. The consumer sends many prepared requests at once through
/// `HTTPMulti`; a handler sends one through `HTTPClient` (`Provider.completeBlocking`). Every failure maps to a
/// `ProviderError`, whose classification decides whether the caller retries.
public protocol Provider: Sendable {
    /// The configured provider name, as stored in `llm_calls.provider` (`offline`, `openai`, `anthropic`, …).
    var name: String { get }

    /// What to do for this request: an HTTP request to send, or an answer made locally.
    func prepare(_ request: CompletionRequest) -> ProviderCall

    /// Reads the vendor's response to a request this provider prepared.
    func interpret(_ response: HTTPResponse, for request: CompletionRequest) -> Result<Completion, ProviderError>

    /// The rate-limit state the vendor reported in a response's headers (any status), if it reports one.
    func rateLimits(in response: HTTPResponse) -> RateLimitSnapshot?

    /// Whether answers are made in this process (the offline provider): such calls draw on no budget and
    /// are not worth caching. Default: false.
    var answersLocally: Bool { get }

    /// Whether the vendor's token limit counts a request's maximum output at admission (OpenAI) rather than
    /// the output it really produced (Anthropic); the budget reconciles only what the vendor reconciles.
    /// Default: true.
    var countsMaximumOutputTokens: Bool { get }
}

/// A prepared provider call.
public enum ProviderCall: Sendable {
    /// Send this and pass the response to `Provider.interpret`.
    case http(HTTPRequest)
    /// Answered without the network (the offline provider); the answer counts as arriving after `delay`.
    case local(Result<Completion, ProviderError>, delay: Duration)
}

/// One chat message of a prompt.
public struct ChatMessage: Sendable, Equatable {
    /// Who speaks: `system`, `user` or `assistant`.
    public var role: String
    public var content: String

    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

/// A vendor-neutral completion request: every provider, the offline one included, answers from the messages.
public struct CompletionRequest: Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double
    public var maxOutputTokens: Int
    /// Completions wanted from one call (OpenAI's `n`; vendors without it answer one).
    public var choices: Int
    /// Sent to vendors that accept a seed, for reproducible sampling.
    public var seed: Int?
    /// When set, the answer must be one JSON object matching this schema.
    public var responseSchema: ResponseSchema?

    public init(
        model: String, messages: [ChatMessage], temperature: Double, maxOutputTokens: Int, choices: Int = 1,
        seed: Int? = nil, responseSchema: ResponseSchema? = nil
    ) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxOutputTokens = maxOutputTokens
        self.choices = choices
        self.seed = seed
        self.responseSchema = responseSchema
    }
}

/// A JSON schema the answer must follow (OpenAI's strict structured output; by instruction elsewhere).
public struct ResponseSchema: Sendable, Equatable {
    /// A short identifier (`^[a-zA-Z0-9_-]+$`), as OpenAI requires.
    public var name: String
    public var schema: JSONValue

    public init(name: String, schema: JSONValue) {
        self.name = name
        self.schema = schema
    }
}

/// What a provider returns for one request.
public struct Completion: Sendable, Equatable {
    /// One text per choice, in order; never empty.
    public var texts: [String]
    public var inputTokens: Int
    public var outputTokens: Int
    /// The model that answered, as the provider reports it.
    public var model: String

    /// The first choice.
    public var text: String { texts[0] }

    public init(texts: [String], inputTokens: Int, outputTokens: Int, model: String) {
        precondition(!texts.isEmpty, "a completion has at least one text")
        self.texts = texts
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.model = model
    }

    public init(text: String, inputTokens: Int, outputTokens: Int, model: String) {
        self.init(texts: [text], inputTokens: inputTokens, outputTokens: outputTokens, model: model)
    }
}

/// A failed provider call, classified so the caller knows whether to retry.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Transient: 5xx, timeouts, resets, truncated or malformed bodies. Retry with backoff, honouring
        /// `retryAfter` when the provider gave one.
        case retryable(retryAfter: Double?)
        /// The provider's rate limit (429, Anthropic's 529): wait at least `retryAfter` seconds; spends no
        /// attempt of the job.
        case rateLimited(retryAfter: Double?)
        /// Will fail again: bad key, bad request, unknown model.
        case fatal
    }

    public var kind: Kind
    public var httpStatus: Int?
    /// A message fit for a user: no keys, no stack traces.
    public var message: String

    public init(_ kind: Kind, httpStatus: Int? = nil, message: String) {
        self.kind = kind
        self.httpStatus = httpStatus
        self.message = message
    }

    public var description: String { message }

    /// `retryable`, `rate_limited` or `fatal`: the status stored in `llm_calls`.
    public var statusName: String {
        switch kind {
        case .retryable: "retryable"
        case .rateLimited: "rate_limited"
        case .fatal: "fatal"
        }
    }
}

/// A vendor's view of its rate limit for the key and model, read from response headers; nil fields were not
/// reported. Durations are seconds from the response.
public struct RateLimitSnapshot: Sendable, Equatable {
    public var requestsLimit: Int?
    public var requestsRemaining: Int?
    public var requestsResetSeconds: Double?
    /// Total tokens (OpenAI), or input and output separately (Anthropic).
    public var tokensLimit: Int?
    public var tokensRemaining: Int?
    public var tokensResetSeconds: Double?
    public var inputTokensLimit: Int?
    public var inputTokensRemaining: Int?
    public var inputTokensResetSeconds: Double?
    public var outputTokensLimit: Int?
    public var outputTokensRemaining: Int?
    public var outputTokensResetSeconds: Double?
    /// From `retry-after-ms` / `retry-after`.
    public var retryAfterSeconds: Double?

    public init() {}
}

extension Provider {
    public var answersLocally: Bool { false }
    public var countsMaximumOutputTokens: Bool { true }
}
