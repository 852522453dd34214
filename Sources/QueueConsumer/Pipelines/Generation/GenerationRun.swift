import Shared

/// Generates a job's samples, many calls at a time, storing each sample as it arrives and resuming where an
/// earlier run stopped (indices already stored are skipped).
///
/// Failures are handled per sample: a transient one is retried after a backoff, up to `callAttempts`, before
/// the job itself is retried later; a rate limit waits (or postpones the job without spending an attempt
/// when the wait is long); a fatal one fails the job with the provider's reason.
final class GenerationRun: JobRun {
    static let callAttempts = 3
    static let callBackoff = RetryPolicy(baseSeconds: 0.5, capSeconds: 8)
    /// A rate limit longer than this gives the job back to the queue rather than holding its slot.
    static let longestRateLimitWait = 30.0

    let context: RunContext
    var job: ClaimedJob { context.job }
    private(set) var outcome: JobOutcome?
    private let generator: SampleGenerator!
    private let total: Int
    /// Samples to make, each with its attempt and the earliest time to try.
    private var todo: [(index: Int, attempt: Int, due: ContinuousClock.Instant)] = []
    /// Calls in flight by sample index, with their estimated cost.
    private var flying: [Int: Double] = [:]
    private var stored = 0
    private var spentUSD = 0.0
    private var maxCostUSD: Double?
    private var stopping = false
    private var overBudget = false

    init(_ context: RunContext) throws(DatabaseError) {
        self.context = context
        guard let request = GenerationRequest(params: context.job.params) else {
            (generator, total) = (nil, 0)
            outcome = .failed(reason: "The job's parameters are invalid", result: [:])
            return
        }
        total = request.count
        guard let template = PromptTemplate(kind: request.template, version: request.version) else {
            generator = nil
            outcome = .failed(reason: "Template \(request.template.rawValue) \(request.version) does not exist", result: [:])
            return
        }
        let pinned: (provider: any Provider, model: String)
        switch context.providers.pinned(provider: request.provider, model: request.model) {
        case .success(let found): pinned = found
        case .failure(let refusal):
            generator = nil
            outcome = .failed(reason: refusal.reason, result: [:])
            return
        }
        generator = SampleGenerator(
            request: request, template: template, jobID: context.job.id, provider: pinned.provider, model: pinned.model,
            cacheMode: context.settings.responseCache)
        maxCostUSD = request.maxCostUSD
        let done = try SampleStore(context.connection).indices(of: context.job.id)
        stored = done.count
        spentUSD = Double(try LLMCallStore(context.connection).totals(jobID: context.job.id).costUSD) ?? 0
        let now = ContinuousClock.now
        todo = (0..<request.count).filter { !done.contains($0) }.map { ($0, 1, now) }
        if context.job.cancelRequested { try cancel() }
        try finishIfDone()
    }

    var progress: Int { total == 0 ? 0 : min(99, stored * 100 / total) }

    var nextCallDue: ContinuousClock.Instant? {
        outcome == nil && !stopping && !overBudget ? todo.map(\.due).min() : nil
    }

    func nextCalls(limit: Int, now: ContinuousClock.Instant) throws(DatabaseError) -> [PlannedCall] {
        let limit = min(limit, context.settings.jobMaxInFlight - flying.count)
        guard outcome == nil, !stopping, !overBudget, limit > 0 else { return [] }
        var calls: [PlannedCall] = []
        var position = 0
        while position < todo.count, calls.count < limit {
            let next = todo[position]
            guard next.due <= now else {
                position += 1
                continue
            }
            let call = generator.plan(index: next.index, attempt: next.attempt)
            let estimate = estimatedCost(call)
            // Calls in flight count at their estimate until they report their cost; only with none in flight
            // does a call that cannot fit end the job.
            if let maxCostUSD, spentUSD + flying.values.reduce(0, +) + estimate > maxCostUSD {
                overBudget = flying.isEmpty
                break
            }
            todo.remove(at: position)
            flying[next.index] = estimate
            calls.append(call)
        }
        try finishIfDone()
        return calls
    }

    func handle(_ event: CallEvent, costUSD: String, now: ContinuousClock.Instant) throws(DatabaseError) {
        let index = event.call.sampleIndex
        flying[index] = nil
        spentUSD += Double(costUSD) ?? 0
        guard outcome == nil else { return }
        switch event.result {
        case .success(let completion):
            context.samples.add(generator.sample(index: index, completion: completion))
            stored += 1
        case .failure(let error):
            try handleFailure(error, call: event.call, now: now)
        }
        try finishIfDone()
    }

    private func handleFailure(_ error: ProviderError, call: PlannedCall, now: ContinuousClock.Instant)
        throws(DatabaseError)
    {
        switch error.kind {
        case .fatal:
            outcome = .failed(reason: "The provider refused the request: \(error.message)", result: try totals())
        case .rateLimited(let retryAfter):
            let wait = retryAfter ?? 1
            if wait > Self.longestRateLimitWait {
                outcome = .postpone(delaySeconds: wait, reason: "Rate limited by the provider")
            } else {
                todo.append((call.sampleIndex, call.attempt, now + .seconds(wait)))
            }
        case .retryable(let retryAfter) where call.attempt < Self.callAttempts:
            context.logger.warning("provider call failed, retrying", metadata: ["error": "\(error.message)"])
            let wait = max(Self.callBackoff.delay(afterAttempt: call.attempt), retryAfter ?? 0)
            todo.append((call.sampleIndex, call.attempt + 1, now + .seconds(wait)))
        case .retryable:
            outcome = .retry(
                delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: job.attempt),
                reason: "The provider failed \(Self.callAttempts) times: \(error.message)")
        }
    }

    func cancel() throws(DatabaseError) {
        guard outcome == nil else { return }
        outcome = .cancelled(result: try totals())
    }

    func stop(unsent: [PlannedCall]) throws(DatabaseError) {
        stopping = true
        for call in unsent { flying[call.sampleIndex] = nil }
        try finishIfDone()
    }

    /// Ends the run once nothing is left to do or wait for.
    private func finishIfDone() throws(DatabaseError) {
        guard outcome == nil, flying.isEmpty else { return }
        if stopping {
            outcome = .postpone(delaySeconds: 0, reason: "consumer stopped")
        } else if overBudget, let maxCostUSD {
            let spent = (spentUSD * 10_000).rounded() / 10_000
            outcome = .failed(
                reason: "Stopped before exceeding the job's cost limit of $\(maxCostUSD) (spent $\(spent)); "
                    + "\(stored) of \(total) samples were kept",
                result: try totals())
        } else if todo.isEmpty {
            outcome = .completed(result: try totals())
        }
    }

    /// The call's cost if it used its whole output allowance.
    private func estimatedCost(_ call: PlannedCall) -> Double {
        Double(context.prices.costUSD(
            model: call.request.model, inputTokens: call.inputTokenEstimate,
            outputTokens: call.request.maxOutputTokens)) ?? 0
    }

    private func totals() throws(DatabaseError) -> JSONValue {
        try context.samples.flush()
        return try JobTotals.result(
            jobID: job.id, attempt: job.attempt, provider: generator?.provider.name ?? context.settings.provider,
            model: generator?.model ?? context.settings.model, connection: context.connection)
    }
}
