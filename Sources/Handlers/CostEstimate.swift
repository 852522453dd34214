import Shared

/// Tokens, cost and duration expected for a generation request, from its prompts, the price table and the
/// cluster's rate budget.
struct CostEstimate {
    var inputTokens: Int
    /// `TokenCount.method` of the input count.
    var inputCountMethod: String
    var outputTokens: Int
    /// Provider calls: one per sample, plus `augmentationCalls`.
    var calls: Int
    /// `AugmentationRequest.expectedCalls`; their tokens are in the totals, estimated without a tokenizer.
    var augmentationCalls: Int
    var costUSD: Double
    var durationSeconds = 0.0
    var modelIsPriced: Bool

    /// A remote call's latency when the last minute has none to go by.
    static let typicalLatencySeconds = 2.0

    /// Tokens and cost of `generation` run on `model`, its augmentation included; the duration comes from
    /// `estimateDuration`.
    init(_ generation: GenerationRequest, template: PromptTemplate?, model: String, settings: Settings) {
        let input = template.map { Self.inputTokens(generation, template: $0, model: model, settings: settings) }
        let augmentation = generation.augmentation
        let kept = generation.count
        inputTokens = (input?.tokens ?? 0) + (augmentation?.expectedInputTokens(kept: kept) ?? 0)
        inputCountMethod = (input ?? TokenCount(tokens: 0, encoding: nil)).method
        outputTokens =
            TokenEstimator.expectedSampleTokens * kept + (augmentation?.expectedOutputTokens(kept: kept) ?? 0)
        augmentationCalls = augmentation?.expectedCalls(kept: kept) ?? 0
        calls = kept + augmentationCalls
        let price = settings.prices.price(for: model)
        modelIsPriced = price != nil
        costUSD = Double(inputTokens) * (price?.inputPerMillion ?? 0) / 1e6
            + Double(outputTokens) * (price?.outputPerMillion ?? 0) / 1e6
    }

    /// Sets `durationSeconds`: the slower of two bounds. The calls at the job's concurrency (its own cap, or
    /// less where the cluster's in-flight limit leaves less room) and their latency; and the last call's start
    /// as the cluster-wide budget paces it, plus its latency. `pace` is the budget's own answer
    /// (`RateBudgetStore.preview`), so utilisation, pauses and limits are counted exactly as consumers count
    /// them; nil without a database.
    mutating func estimateDuration(
        calls: Int, provider: String, meanLatencyMilliseconds: Double, pace: BudgetGrant?, settings: Settings
    ) {
        let latency = provider == "offline"
            ? Double(settings.offlineLatencyMilliseconds) / 1000 + 0.005
            : (meanLatencyMilliseconds > 0 ? meanLatencyMilliseconds / 1000 : Self.typicalLatencySeconds)
        var concurrency = settings.jobMaxInFlight
        var paced = 0.0
        if let pace {
            if pace.granted < calls { concurrency = min(concurrency, max(1, pace.granted)) }
            paced = pace.waitSeconds + pace.stepSeconds * Double(calls - 1) + latency
        }
        let waves = (calls + concurrency - 1) / concurrency
        durationSeconds = (max(paced, Double(waves) * latency) * 1000).rounded() / 1000
    }

    /// The prompts of all samples, system and user messages with their chat framing. Prompts repeat once a
    /// job outgrows the template's combinations of variations, so each distinct prompt is tokenized once.
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
