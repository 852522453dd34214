/// A provider that writes seeded, deterministic prose locally, so the stack runs end to end without a network.
///
/// The text comes only from the request's `SampleSpec`, never from the prompt: the same spec always yields the
/// same text. Token counts are rough estimates (about four characters a token) so budgets still move.
public struct OfflineProvider: Provider {
    public let name = "offline"
    public var answersLocally: Bool { true }
    let model: String
    let latency: Duration

    /// - Parameters:
    ///   - model: The model name reported in every completion.
    ///   - latency: A simulated delay per call, for demos and tests: the answer counts as arriving after it.
    public init(model: String = "offline-v1", latency: Duration = .zero) {
        self.model = model
        self.latency = latency
    }

    public func prepare(_ request: CompletionRequest) -> ProviderCall {
        let text = OfflineProse.text(for: request.sample)
        let prompt = request.messages.map(\.content).joined(separator: "\n")
        let completion = Completion(
            text: text,
            inputTokens: Self.estimatedTokens(prompt),
            outputTokens: Self.estimatedTokens(text),
            model: model)
        return .local(.success(completion), delay: latency)
    }

    /// Never called: this provider prepares no HTTP request.
    public func interpret(_ response: HTTPResponse, for request: CompletionRequest)
        -> Result<Completion, ProviderError>
    {
        .failure(ProviderError(.fatal, message: "The offline provider sends no HTTP requests"))
    }

    public func rateLimits(in response: HTTPResponse) -> RateLimitSnapshot? { nil }

    /// About four characters a token, and never less than one.
    static func estimatedTokens(_ text: String) -> Int {
        max(1, (text.count + 3) / 4)
    }
}
