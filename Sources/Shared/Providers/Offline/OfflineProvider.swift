/// A provider that answers locally from the prompt, deterministically, so the stack runs end to end without a
/// network.
///
/// It has no language model: it reads the conventions our prompts follow (`OfflinePrompt`, `OfflineBrief`) and
/// answers each purpose by its response schema: `samples` (one text per `### Brief N`), `judgements` (a local
/// coherence heuristic per `### Text N`, or the character-trigram similarity of each `### Pair N`),
/// `paraphrases` (local rewrites that keep the listed terms), and plain prose for a single brief without a
/// schema. Equal requests give equal answers. Token counts are rough estimates (about four characters a token)
/// so budgets still move.
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
        let prompt = OfflinePrompt(request)
        let texts: [String]
        switch request.responseSchema {
        case nil: texts = (0..<max(1, request.choices)).map { generation(prompt, choice: $0) }
        case let schema?:
            switch schema.name {
            case "samples": texts = [samples(prompt).jsonText]
            // Both judges answer `judgements`; their item schemas tell them apart.
            case "judgements" where schema == SimilarityPrompt.schema: texts = [similarities(prompt).jsonText]
            case "judgements": texts = [judgements(prompt).jsonText]
            case "paraphrases": texts = [paraphrases(prompt).jsonText]
            case "alternatives": texts = [alternatives(prompt).jsonText]
            default: texts = [answer(prompt, following: schema)]
            }
        }
        let completion = Completion(
            texts: texts,
            inputTokens: Self.estimatedTokens(request.messages.map(\.content).joined(separator: "\n")),
            outputTokens: texts.reduce(0) { $0 + Self.estimatedTokens($1) },
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
