import Shared

/// `POST /api/validate`: the checks and estimates of a generation request, without creating a job.
///
/// Schema errors are a 422 as for generate; semantic problems (an unknown template version) make
/// `valid` false in a 200, as the earlier service did.
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
                "estimated_tokens": ["input": .int(estimate.inputTokens), "output": .int(estimate.outputTokens)],
            ],
        ])
    }
}

/// Tokens, cost and duration expected for a request, from the prompt, the price table and the provider.
struct CostEstimate {
    var inputTokens: Int
    var outputTokens: Int
    var costUSD: Double
    var durationSeconds: Double
    var modelIsPriced: Bool

    init(_ generation: GenerationRequest, template: PromptTemplate?, settings: Settings) {
        let perSampleInput = template.map { TokenEstimator.estimate($0.messages(for: generation, index: 0)) } ?? 0
        inputTokens = perSampleInput * generation.count
        outputTokens = TokenEstimator.expectedSampleTokens * generation.count
        let price = settings.prices.price(for: settings.model)
        modelIsPriced = price != nil
        costUSD = Double(inputTokens) * (price?.inputPerMillion ?? 0) / 1e6
            + Double(outputTokens) * (price?.outputPerMillion ?? 0) / 1e6
        // The offline provider takes its configured latency; remote models about two seconds a sample.
        let perSample = settings.provider == "offline" ? Double(settings.offlineLatencyMilliseconds) / 1000 + 0.005 : 2
        durationSeconds = (perSample * Double(generation.count) * 1000).rounded() / 1000
    }
}
