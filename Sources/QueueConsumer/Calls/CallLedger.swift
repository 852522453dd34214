import Shared
import Logging

/// Writes down what finished calls did: one `llm_calls` row each (cost from the price table), answers for
/// the response cache, and what the provider said about its limits — learned limits, cluster-wide pauses
/// and token corrections for the shared budget.
final class CallLedger {
    let connection: Connection
    let consumerID: String
    let prices: PriceTable
    let budget: BudgetSlots
    var logger: Logger
    /// The limits last stored per provider+model, so unchanged headers cost no write.
    private var learned: [BudgetKey: RateLimits] = [:]

    init(connection: Connection, consumerID: String, prices: PriceTable, budget: BudgetSlots, logger: Logger) {
        self.connection = connection
        self.consumerID = consumerID
        self.prices = prices
        self.budget = budget
        self.logger = logger
    }

    /// Records the events (their calls in one statement) and returns each one's cost in USD (exact decimal
    /// text).
    func record(_ events: [CallEvent]) throws(DatabaseError) -> [String] {
        let rows = try events.map { event throws(DatabaseError) in try row(for: event) }
        try LLMCallStore(connection).record(rows)
        return rows.map(\.costUSD)
    }

    /// The event's `llm_calls` row, after settling what it means for the cache and the budget.
    private func row(for event: CallEvent) throws(DatabaseError) -> LLMCall {
        let call = event.call
        var row = LLMCall(
            jobID: call.jobID, sampleIndex: call.sampleIndex, purpose: call.purpose, provider: call.provider.name,
            model: call.request.model, promptHash: SampleSeed.hexDigest(call.request.messages.map(\.content).joined(separator: "\u{1F}")),
            status: "ok", httpStatus: nil, tokensIn: 0, tokensOut: 0, costUSD: "0",
            latencyMilliseconds: event.latencyMilliseconds, attempt: call.attempt, error: nil, consumerID: consumerID)
        switch event.result {
        case .success(let completion):
            row.model = completion.model
            row.tokensIn = completion.inputTokens
            row.tokensOut = completion.outputTokens
            row.priceKnown = prices.price(for: completion.model) != nil
            if event.cached {
                row.status = "cached"
            } else {
                row.httpStatus = 200
                row.costUSD = prices.costUSD(
                    model: completion.model, inputTokens: completion.inputTokens, outputTokens: completion.outputTokens)
                if event.remote { settleBudget(call, completion: completion) }
                if let cacheKey = call.cacheKey {
                    try ResponseCacheStore(connection).store(
                        fingerprint: cacheKey, provider: call.provider.name, completion: completion)
                }
            }
        case .failure(let error):
            row.status = error.statusName
            row.httpStatus = error.httpStatus
            row.error = error.message
            try settleFailure(call, error: error)
        }
        if let snapshot = event.rateLimits { try resync(call, snapshot) }
        return row
    }

    /// Tells the shared budget what the provider really counted against the estimate reserved.
    private func settleBudget(_ call: PlannedCall, completion: Completion) {
        let input = completion.inputTokens - call.inputTokenEstimate
        let output = call.provider.countsMaximumOutputTokens ? 0 : completion.outputTokens - call.request.maxOutputTokens
        budget.correct(call.budgetKey, input: input, output: output)
    }

    /// A refused call used no tokens; a rate-limited one pauses the whole cluster.
    private func settleFailure(_ call: PlannedCall, error: ProviderError) throws(DatabaseError) {
        guard case .rateLimited(let retryAfter) = error.kind else { return }
        budget.correct(call.budgetKey, input: -call.inputTokenEstimate,
                       output: -call.request.maxOutputTokens)
        budget.dropSlots(call.budgetKey)
        let seconds = retryAfter ?? 1
        try RateBudgetStore(connection).pause(provider: call.provider.name, model: call.request.model, seconds: seconds)
        logger.warning("provider rate limit hit: pausing the cluster",
                       metadata: ["provider": "\(call.provider.name)", "model": "\(call.request.model)",
                                  "seconds": "\(seconds)"])
    }

    /// Learns limits the provider reports, and holds the cluster back when it reports a budget spent.
    ///
    /// A reset is the time until the whole budget is back, so the next call fits after the share of it that
    /// frees that call's units (one request; the call's tokens) — not after all of it.
    private func resync(_ call: PlannedCall, _ snapshot: RateLimitSnapshot) throws(DatabaseError) {
        let key = call.budgetKey
        let limits = RateLimits(learnedFrom: snapshot)
        if !limits.isEmpty, learned[key] != limits {
            learned[key] = limits
            try RateBudgetStore(connection).learn(provider: key.provider, model: key.model, limits: limits)
        }
        let input = call.inputTokenEstimate
        let output = call.request.maxOutputTokens
        let spent: [(remaining: Int?, limit: Int?, reset: Double?, units: Int)] = [
            (snapshot.requestsRemaining, snapshot.requestsLimit, snapshot.requestsResetSeconds, 1),
            (snapshot.tokensRemaining, snapshot.tokensLimit, snapshot.tokensResetSeconds, input + output),
            (snapshot.inputTokensRemaining, snapshot.inputTokensLimit, snapshot.inputTokensResetSeconds, input),
            (snapshot.outputTokensRemaining, snapshot.outputTokensLimit, snapshot.outputTokensResetSeconds, output),
        ]
        let wait = spent.compactMap { entry -> Double? in
            guard entry.remaining == 0, let reset = entry.reset, let limit = entry.limit, limit > 0 else { return nil }
            return reset * min(1, Double(entry.units) / Double(limit))
        }.max()
        if let wait, wait > 0 {
            try RateBudgetStore(connection).pause(provider: key.provider, model: key.model, seconds: wait)
        }
    }
}
