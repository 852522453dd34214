import Shared

/// `POST /api/validate`: the checks and estimates of a generation request, without creating a job.
///
/// Schema errors are a 422 as for generate; semantic problems (an unknown template version) make
/// `valid` false in a 200, as the earlier service did. `estimated_tokens.method` says how the input was
/// counted: `bpe:o200k_base` or `bpe:cl100k_base` with the model's tokenizer, else `approximate`.
struct PostValidate: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let generation = try GenerationRequest.validated(body: request.body, maxCount: context.settings.maxSamplesPerRequest)
        var errors: [JSONValue] = []
        var warnings: [JSONValue] = []
        let template = PromptTemplate(kind: generation.template, version: generation.version)
        if template == nil {
            errors.append(.string("Template '\(generation.template.rawValue)' has no version '\(generation.version)'"))
        }
        let estimate = CostEstimate(generation, template: template, settings: context.settings)
        if generation.count > 20 { warnings.append("Large sample count may take longer to generate") }
        if estimate.costUSD > 1 { warnings.append(.string("Estimated cost exceeds $1.00")) }
        if !estimate.modelIsPriced { warnings.append(.string("No price is known for model '\(context.settings.model)'")) }
        return .json([
            "timestamp": .string(RFC3339.format(.now)), "request": generation.echo,
            "validation": [
                "valid": .bool(errors.isEmpty), "errors": .array(errors), "warnings": .array(warnings),
                "estimated_cost": .double(estimate.costUSD), "estimated_duration": .double(estimate.durationSeconds),
                "estimated_tokens": [
                    "input": .int(estimate.inputTokens), "output": .int(estimate.outputTokens),
                    "method": .string(estimate.inputCountMethod),
                ],
            ],
        ])
    }
}

/// Tokens, cost and duration expected for a request, from the prompt, the price table and the provider.
struct CostEstimate {
    var inputTokens: Int
    /// `TokenCount.method` of the input count.
    var inputCountMethod: String
    var outputTokens: Int
    var costUSD: Double
    var durationSeconds: Double
    var modelIsPriced: Bool

    init(_ generation: GenerationRequest, template: PromptTemplate?, settings: Settings) {
        let input = template.map { Self.inputTokens(generation, template: $0, settings: settings) }
        inputTokens = input?.tokens ?? 0
        inputCountMethod = (input ?? TokenCount(tokens: 0, encoding: nil)).method
        outputTokens = TokenEstimator.expectedSampleTokens * generation.count
        let price = settings.prices.price(for: settings.model)
        modelIsPriced = price != nil
        costUSD = Double(inputTokens) * (price?.inputPerMillion ?? 0) / 1e6
            + Double(outputTokens) * (price?.outputPerMillion ?? 0) / 1e6
        // The offline provider takes its configured latency; remote models about two seconds a sample.
        let perSample = settings.provider == "offline" ? Double(settings.offlineLatencyMilliseconds) / 1000 + 0.005 : 2
        durationSeconds = (perSample * Double(generation.count) * 1000).rounded() / 1000
    }

    /// The prompts of all samples, system and user messages with their chat framing. Samples differ only
    /// in the angle they ask for, so each distinct prompt is tokenized once.
    private static func inputTokens(
        _ generation: GenerationRequest, template: PromptTemplate, settings: Settings
    ) -> TokenCount {
        let counter = TokenCounter(settings: settings)
        var counted: [[String]: TokenCount] = [:]
        var total = TokenCount(tokens: 0, encoding: nil)
        for index in 0..<generation.count {
            let messages = template.messages(for: generation, index: index)
            let key = messages.flatMap { [$0.role, $0.content] }
            let count = counted[key] ?? counter.count(messages: messages, model: settings.model)
            counted[key] = count
            total = TokenCount(tokens: total.tokens + count.tokens, encoding: count.encoding)
        }
        return total
    }
}
