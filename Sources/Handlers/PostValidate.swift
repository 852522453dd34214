import Shared

/// `POST /api/validate`: the checks and estimates of a generation request, without creating a job.
///
/// Schema errors are a 422 as for generate; semantic problems (an unknown template version) make
/// `valid` false in a 200, as the earlier service did. `estimated_tokens.method` says how the input was
/// counted: `bpe:o200k_base` or `bpe:cl100k_base` with the model's tokenizer, else `approximate`.
struct PostValidate: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let settings = context.settings
        let generation = try GenerationRequest.validated(
            body: request.body, maxCount: settings.maxSamplesPerRequest, catalog: ModelCatalog(settings: settings))
        var errors: [JSONValue] = []
        var warnings: [JSONValue] = []
        let template = PromptTemplate(kind: generation.template, version: generation.version)
        if template == nil {
            errors.append(.string("Template '\(generation.template.rawValue)' has no version '\(generation.version)'"))
        }
        let provider = generation.provider ?? settings.provider
        let model = generation.model ?? settings.model
        // The budget as the cluster knows it (limits learned from the provider included); without the
        // database, the configured limits still give an estimate.
        let budget = (try? RateBudgetStore(try context.connection()).status(staleSeconds: settings.consumerStaleSeconds))?
            .first { $0.provider == provider && $0.model == model }
            ?? BudgetStatus(provider: provider, model: model, limits: settings.rateLimits.limits(provider: provider, model: model))
        let estimate = CostEstimate(generation, template: template, budget: budget, settings: settings)
        if generation.count > 20 { warnings.append("Large sample count may take longer to generate") }
        if estimate.costUSD > 1 { warnings.append(.string("Estimated cost exceeds $1.00")) }
        if let limit = generation.maxCostUSD, estimate.costUSD > limit {
            warnings.append(.string("Estimated cost exceeds max_cost_usd: the job will stop before its last samples"))
        }
        if !estimate.modelIsPriced { warnings.append(.string("No price is known for model '\(model)'")) }
        return .json([
            "timestamp": .string(RFC3339.format(.now)), "request": generation.echo,
            "validation": [
                "valid": .bool(errors.isEmpty), "errors": .array(errors), "warnings": .array(warnings),
                "estimated_cost": .double(estimate.costUSD), "estimated_duration": .double(estimate.durationSeconds),
                "provider": .string(provider), "model": .string(model),
                "estimated_tokens": [
                    "input": .int(estimate.inputTokens), "output": .int(estimate.outputTokens),
                    "method": .string(estimate.inputCountMethod),
                ],
            ],
        ])
    }
}

/// Tokens, cost and duration expected for a request, from the prompts, the price table and the budget.
struct CostEstimate {
    var inputTokens: Int
    /// `TokenCount.method` of the input count.
    var inputCountMethod: String
    var outputTokens: Int
    var costUSD: Double
    var durationSeconds: Double
    var modelIsPriced: Bool

    /// A remote call's latency when the last minute has none to go by.
    static let typicalLatencySeconds = 2.0

    init(_ generation: GenerationRequest, template: PromptTemplate?, budget: BudgetStatus, settings: Settings) {
        let input = template.map { Self.inputTokens(generation, template: $0, model: budget.model, settings: settings) }
        inputTokens = input?.tokens ?? 0
        inputCountMethod = (input ?? TokenCount(tokens: 0, encoding: nil)).method
        outputTokens = TokenEstimator.expectedSampleTokens * generation.count
        let price = settings.prices.price(for: budget.model)
        modelIsPriced = price != nil
        costUSD = Double(inputTokens) * (price?.inputPerMillion ?? 0) / 1e6
            + Double(outputTokens) * (price?.outputPerMillion ?? 0) / 1e6
        durationSeconds = (Self.duration(generation.count, inputTokens: inputTokens, budget: budget, settings: settings)
            * 1000).rounded() / 1000
    }

    /// The slower of two bounds: calls at the job's concurrency and their latency, and calls at the pace the
    /// cluster-wide budget allows (requests, and tokens counted as the provider counts them).
    private static func duration(_ count: Int, inputTokens: Int, budget: BudgetStatus, settings: Settings) -> Double {
        let latency = budget.provider == "offline"
            ? Double(settings.offlineLatencyMilliseconds) / 1000 + 0.005
            : (budget.meanLatencyMilliseconds > 0 ? budget.meanLatencyMilliseconds / 1000 : typicalLatencySeconds)
        let waves = (count + settings.jobMaxInFlight - 1) / settings.jobMaxInFlight
        var seconds = Double(waves) * latency
        let limits = budget.limits
        let calls = Double(count)
        let reservedTokens = Double(inputTokens + TokenEstimator.sampleMaxOutputTokens * count)
        if let rpm = limits.requestsPerMinute { seconds = max(seconds, calls * 60 / Double(rpm)) }
        if let tpm = limits.tokensPerMinute { seconds = max(seconds, reservedTokens * 60 / Double(tpm)) }
        if let itpm = limits.inputTokensPerMinute { seconds = max(seconds, Double(inputTokens) * 60 / Double(itpm)) }
        if let otpm = limits.outputTokensPerMinute {
            seconds = max(seconds, Double(TokenEstimator.sampleMaxOutputTokens * count) * 60 / Double(otpm))
        }
        return seconds
    }

    /// The prompts of all samples, system and user messages with their chat framing. Samples differ only
    /// in the angle they ask for, so each distinct prompt is tokenized once.
    private static func inputTokens(
        _ generation: GenerationRequest, template: PromptTemplate, model: String, settings: Settings
    ) -> TokenCount {
        let counter = TokenCounter(settings: settings)
        var counted: [[String]: TokenCount] = [:]
        var total = TokenCount(tokens: 0, encoding: nil)
        for index in 0..<generation.count {
            let messages = template.messages(for: generation, index: index)
            let key = messages.flatMap { [$0.role, $0.content] }
            let count = counted[key] ?? counter.count(messages: messages, model: model)
            counted[key] = count
            total = TokenCount(tokens: total.tokens + count.tokens, encoding: count.encoding)
        }
        return total
    }
}
