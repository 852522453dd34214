import Shared

/// Generates a job's samples, many calls at a time, and resumes where an earlier run stopped (indices
/// already stored are skipped).
///
/// Failures are handled per sample: a transient one is retried after a backoff, up to `callAttempts`, before
/// the job itself is retried later; a rate limit waits (or postpones the job without spending an attempt
/// when the wait is long); a fatal one fails the job with the provider's reason. Once the run has decided to
/// end, it makes no new call but still keeps the answers of the calls in flight, which were paid for; only a
/// cancel ends it at once.
final class GenerationRun: JobRun {
    static let callAttempts = 3
    static let callBackoff = RetryPolicy(baseSeconds: 0.5, capSeconds: 8)
    /// A rate limit longer than this gives the job back to the queue rather than holding its slot.
    static let longestRateLimitWait = 30.0

    let context: RunContext
    var job: ClaimedJob { context.job }
    private let generator: SampleGenerator?
    private let total: Int
    /// How the run ends, once decided; published as `end` when no call is in flight.
    private var decided: RunEnd?
    /// Samples to make, each with its attempt and the earliest time to try.
    private var todo: [(index: Int, attempt: Int, due: ContinuousClock.Instant)] = []
    /// Calls in flight by sample index, with their estimated cost.
    private var flying: [Int: Double] = [:]
    private var stored = 0
    private var spentUSD = 0.0
    private var maxCostUSD: Double?
    /// The next call does not fit the cost limit beside the calls in flight: wait for one to report its cost.
    private var waitsForCost = false

    init(_ context: RunContext, resume: ResumePoint, now: ContinuousClock.Instant = .now) {
        self.context = context
        switch Self.generator(for: context) {
        case .failure(let reason):
            (generator, total) = (nil, 0)
            decided = .failed(reason: reason.message)
        case .success(let generator):
            self.generator = generator
            total = generator.request.count
            maxCostUSD = generator.request.maxCostUSD
            stored = resume.storedIndices.count
            spentUSD = resume.spentUSD
            todo = (0..<total).filter { !resume.storedIndices.contains($0) }.map { ($0, 1, now) }
            if context.job.cancelRequested { decided = .cancelled }
            settle()
        }
    }

    var end: RunEnd? {
        guard let decided else { return nil }
        return flying.isEmpty || decided == .cancelled ? decided : nil
    }

    var isWindingDown: Bool { decided != nil && end == nil }

    var progress: Int { total == 0 ? 0 : min(99, stored * 100 / total) }

    var nextCallDue: ContinuousClock.Instant? {
        guard decided == nil, !waitsForCost, flying.count < context.settings.jobMaxInFlight else { return nil }
        return todo.map(\.due).min()
    }

    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall] {
        let limit = min(limit, context.settings.jobMaxInFlight - flying.count)
        guard decided == nil, !waitsForCost, limit > 0, let generator else { return [] }
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
                if flying.isEmpty { decided = overBudget(maxCostUSD) } else { waitsForCost = true }
                break
            }
            todo.remove(at: position)
            flying[next.index] = estimate
            calls.append(call)
        }
        return calls
    }

    func handle(_ event: CallEvent, costUSD: Double, now: ContinuousClock.Instant) {
        let index = event.call.sampleIndex
        guard flying.removeValue(forKey: index) != nil else { return }
        spentUSD += costUSD
        waitsForCost = false
        guard decided != .cancelled, let generator else { return }
        switch event.result {
        case .success(let completion):
            // Kept even when the run already decided to end: the answer was paid for, and a retry resumes
            // after it.
            context.samples.add(generator.sample(index: index, completion: completion))
            stored += 1
        case .failure(let error) where decided == nil:
            handleFailure(error, call: event.call, now: now)
        case .failure:
            break
        }
        settle()
    }

    func withdraw(_ calls: [PlannedCall]) {
        for call in calls where flying.removeValue(forKey: call.sampleIndex) != nil {
            todo.append((call.sampleIndex, call.attempt, .now))
        }
    }

    func cancel() {
        if end == nil { decided = .cancelled }
    }

    func stop() {
        if decided == nil { decided = .postpone(delaySeconds: 0, reason: "consumer stopped") }
    }

    func result(_ connection: Connection) throws(DatabaseError) -> JSONValue {
        try JobTotals.result(
            jobID: job.id, attempt: job.attempt, provider: generator?.provider.name ?? context.settings.provider,
            model: generator?.model ?? context.settings.model, connection: connection)
    }

    // MARK: - Decisions

    private func handleFailure(_ error: ProviderError, call: PlannedCall, now: ContinuousClock.Instant) {
        switch error.kind {
        case .fatal:
            decided = .failed(reason: "The provider refused the request: \(error.message)")
        case .rateLimited(let retryAfter):
            let wait = retryAfter ?? 1
            if wait > Self.longestRateLimitWait {
                decided = .postpone(delaySeconds: wait, reason: "Rate limited by the provider")
            } else {
                todo.append((call.sampleIndex, call.attempt, now + .seconds(wait)))
            }
        case .retryable(let retryAfter) where call.attempt < Self.callAttempts:
            context.logger.warning("provider call failed, retrying", metadata: ["error": "\(error.message)"])
            let wait = max(Self.callBackoff.delay(afterAttempt: call.attempt), retryAfter ?? 0)
            todo.append((call.sampleIndex, call.attempt + 1, now + .seconds(wait)))
        case .retryable:
            decided = .retry(
                delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: job.attempt),
                reason: "The provider failed \(Self.callAttempts) times: \(error.message)")
        }
    }

    /// Decides the end once nothing is left to do or wait for.
    private func settle() {
        if decided == nil, todo.isEmpty, flying.isEmpty { decided = .completed }
    }

    private func overBudget(_ maxCostUSD: Double) -> RunEnd {
        let spent = (spentUSD * 10_000).rounded() / 10_000
        return .failed(
            reason: "Stopped before exceeding the job's cost limit of $\(maxCostUSD) (spent $\(spent)); "
                + "\(stored) of \(total) samples were kept")
    }

    /// The call's cost if it used its whole output allowance.
    private func estimatedCost(_ call: PlannedCall) -> Double {
        Double(context.prices.costUSD(
            model: call.request.model, inputTokens: call.inputTokenEstimate,
            outputTokens: call.request.maxOutputTokens)) ?? 0
    }

    private struct SetupFailure: Error {
        var message: String
    }

    /// The job's sample generator, or why the job cannot run here.
    private static func generator(for context: RunContext) -> Result<SampleGenerator, SetupFailure> {
        guard let request = GenerationRequest(params: context.job.params) else {
            return .failure(SetupFailure(message: "The job's parameters are invalid"))
        }
        guard let template = PromptTemplate.builtIn(name: request.templateName, version: request.version) else {
            return .failure(SetupFailure(
                message: "Template \(request.templateName) \(request.version) does not exist"))
        }
        switch context.providers.pinned(provider: request.provider, model: request.model) {
        case .failure(let refusal):
            return .failure(SetupFailure(message: refusal.reason))
        case .success(let pinned):
            return .success(SampleGenerator(
                request: request, template: template, jobID: context.job.id, provider: pinned.provider,
                model: pinned.model, cacheMode: context.settings.responseCache))
        }
    }
}
