import Shared
import Logging

/// Writes down what finished calls did: one `llm_calls` row each (cost from the price table), answers for
/// the response cache, and what the provider said about its limits — learned limits, cluster-wide pauses
/// and token corrections for the shared budget.
///
/// `record` works in memory; `flush` writes. What is not written yet stays until a write succeeds, and the
/// call records go first, each flush in a statement of their own: a call that was paid for is never lost to
/// a failure of anything else, and a job's cost (summed from its rows) is exact.
final class CallLedger {
    let consumerID: String
    let prices: PriceTable
    let budget: BudgetSlots
    var logger: Logger
    private var rows: [LLMCall] = []
    /// Cluster-wide pauses to write, each ending at a time of this process's clock.
    private var pauses: [BudgetKey: ContinuousClock.Instant] = [:]
    private var limitsToLearn: [BudgetKey: RateLimits] = [:]
    private var answersToCache: [(fingerprint: String, provider: String, completion: Completion)] = []
    /// What the cache may keep of an answer with personal data in it.
    private let piiPolicy: PIIPolicy
    /// The limits last stored per provider+model, so unchanged headers cost no write.
    private var learned: [BudgetKey: RateLimits] = [:]

    init(consumerID: String, prices: PriceTable, budget: BudgetSlots, piiPolicy: PIIPolicy, logger: Logger) {
        self.consumerID = consumerID
        self.piiPolicy = piiPolicy
        self.prices = prices
        self.budget = budget
        self.logger = logger
    }

    /// Notes what the events mean and returns each one's cost in USD; nothing is written until `flush`.
    func record(_ events: [CallEvent], now: ContinuousClock.Instant) -> [Double] {
        events.map { event in
            let row = row(for: event, now: now)
            rows.append(row)
            return Double(row.costUSD) ?? 0
        }
    }

    /// Nothing is waiting to be written.
    var isEmpty: Bool { rows.isEmpty && pauses.isEmpty && limitsToLearn.isEmpty && answersToCache.isEmpty }

    /// Writes what is held: the call records first, in one statement, then pauses, limits and cache entries.
    /// Each is forgotten only once written. A cache entry the database refuses is dropped with a warning (the
    /// cache only saves calls); any other failure is thrown and the rest waits for the next flush.
    func flush(_ connection: Connection, now: ContinuousClock.Instant) throws(DatabaseError) {
        if !rows.isEmpty {
            try LLMCallStore(connection).record(rows)
            rows.removeAll(keepingCapacity: true)
        }
        for (key, until) in pauses {
            let seconds = (until - now).seconds
            if seconds > 0 { try RateBudgetStore(connection).pause(provider: key.provider, model: key.model, seconds: seconds) }
            pauses[key] = nil
        }
        for (key, limits) in limitsToLearn {
            try RateBudgetStore(connection).learn(provider: key.provider, model: key.model, limits: limits)
            limitsToLearn[key] = nil
            learned[key] = limits
        }
        while let entry = answersToCache.last {
            do {
                try ResponseCacheStore(connection).store(
                    fingerprint: entry.fingerprint, provider: entry.provider, completion: entry.completion)
            } catch where !error.isConnectionFailure {
                logger.warning("response not cached", metadata: ["error": "\(error.debugDescription)"])
            }
            answersToCache.removeLast()
        }
    }

    /// The answer as the response cache may keep it: redacted, or nil when the policy keeps none of it.
    private func cacheable(_ completion: Completion) -> Completion? {
        var kept = completion
        for (position, text) in completion.texts.enumerated() {
            guard let keepable = piiPolicy.keepable(text) else { return nil }
            kept.texts[position] = keepable
        }
        return kept
    }

    /// Drops what could not be written (the database kept refusing it).
    func discard() {
        rows.removeAll()
        pauses.removeAll()
        limitsToLearn.removeAll()
        answersToCache.removeAll()
    }

    /// The event's `llm_calls` row, after settling what it means for the cache and the budget.
    private func row(for event: CallEvent, now: ContinuousClock.Instant) -> LLMCall {
        let call = event.call
        var row = LLMCall(
            jobID: call.jobID, sampleIndex: call.sampleIndex, purpose: call.purpose.rawValue, provider: call.provider.name,
            model: call.request.model,
            promptHash: SampleSeed.hexDigest(call.request.messages.map(\.content).joined(separator: "\u{1F}")),
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
                if let cacheKey = call.cacheKey, let cacheable = cacheable(completion) {
                    answersToCache.append((cacheKey, call.provider.name, cacheable))
                }
            }
        case .failure(let error):
            row.status = error.statusName
            row.httpStatus = error.httpStatus
            row.error = error.message
            settleFailure(call, error: error, now: now)
        }
        if let snapshot = event.rateLimits { resync(call, snapshot, now: now) }
        return row
    }

    /// Tells the shared budget what the provider really counted against the estimate reserved.
    private func settleBudget(_ call: PlannedCall, completion: Completion) {
        let input = completion.inputTokens - call.inputTokenEstimate
        let output = call.provider.countsMaximumOutputTokens ? 0 : completion.outputTokens - call.request.maxOutputTokens
        budget.correct(call.budgetKey, input: input, output: output)
    }

    /// A refused call used no tokens; a rate-limited one pauses the whole cluster.
    private func settleFailure(_ call: PlannedCall, error: ProviderError, now: ContinuousClock.Instant) {
        guard case .rateLimited(let retryAfter) = error.kind else { return }
        budget.correct(call.budgetKey, input: -call.inputTokenEstimate, output: -call.request.maxOutputTokens)
        budget.dropSlots(call.budgetKey)
        let seconds = retryAfter ?? 1
        pause(call.budgetKey, until: now + .seconds(seconds))
        logger.warning("provider rate limit hit: pausing the cluster",
                       metadata: ["provider": "\(call.provider.name)", "model": "\(call.request.model)",
                                  "seconds": "\(seconds)"])
    }

    private func pause(_ key: BudgetKey, until: ContinuousClock.Instant) {
        pauses[key] = max(pauses[key] ?? until, until)
    }

    /// Learns limits the provider reports, and holds the cluster back when it reports a budget spent.
    ///
    /// A reset is the time until the whole budget is back, so the next call fits after the share of it that
    /// frees that call's units (one request; the call's tokens) — not after all of it.
    private func resync(_ call: PlannedCall, _ snapshot: RateLimitSnapshot, now: ContinuousClock.Instant) {
        let key = call.budgetKey
        let limits = RateLimits(learnedFrom: snapshot)
        if !limits.isEmpty, learned[key] != limits { limitsToLearn[key] = limits }
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
        if let wait, wait > 0 { pause(key, until: now + .seconds(wait)) }
    }
}
