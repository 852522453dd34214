/// Turns one completion request into text and usage, for one LLM vendor.
///
/// Implementations know one vendor's HTTP shapes and nothing of jobs, budgets or SQL; the consumer records
/// every call. They must be safe to call from any thread and must map every failure to a `ProviderError`,
/// whose classification decides whether the caller retries.
public protocol Provider: Sendable {
    /// The configured provider name, as stored in `llm_calls.provider` (`offline`, `openai`, `anthropic`).
    var name: String { get }

    /// Sends the request and waits for the whole completion.
    func complete(_ request: CompletionRequest) throws(ProviderError) -> Completion
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

/// A vendor-neutral completion request.
public struct CompletionRequest: Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double
    public var maxOutputTokens: Int
    /// What the sample is meant to be. Remote providers read the prompt; the offline provider, which has
    /// no language model, writes its prose from this.
    public var sample: SampleSpec

    public init(
        model: String, messages: [ChatMessage], temperature: Double, maxOutputTokens: Int, sample: SampleSpec
    ) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxOutputTokens = maxOutputTokens
        self.sample = sample
    }
}

/// The controls of one requested sample.
public struct SampleSpec: Sendable, Equatable {
    public var product: String
    public var kind: SampleKind
    /// 1 (very negative) … 5 (very positive); nil leaves it to the provider.
    public var sentiment: Int?
    public var tone: String?
    /// The sample's index within its job.
    public var index: Int
    /// Derived from (job, index, job seed): the same value always yields the same offline text.
    public var seed: UInt64

    public init(product: String, kind: SampleKind, sentiment: Int?, tone: String?, index: Int, seed: UInt64) {
        self.product = product
        self.kind = kind
        self.sentiment = sentiment
        self.tone = tone
        self.index = index
        self.seed = seed
    }
}

/// The kinds of text DataForge generates; the raw value is the template name.
public enum SampleKind: String, Sendable, CaseIterable, Codable {
    case supportRequest = "support_request"
    case productReview = "product_review"
    case featureRequest = "feature_request"
    case chatbotReply = "chatbot_reply"
}

/// What a provider returns for one request.
public struct Completion: Sendable, Equatable {
    public var text: String
    public var inputTokens: Int
    public var outputTokens: Int
    /// The model that answered, as the provider reports it.
    public var model: String

    public init(text: String, inputTokens: Int, outputTokens: Int, model: String) {
        self.text = text
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.model = model
    }
}

/// A failed provider call, classified so the caller knows whether to retry.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Transient: 5xx, timeouts, resets, malformed bodies. Retry with backoff.
        case retryable
        /// The provider's rate limit: wait at least `retryAfter` seconds; spends no attempt.
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
}
