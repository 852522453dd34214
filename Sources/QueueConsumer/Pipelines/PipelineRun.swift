import Shared

/// Drives a generation job's chain of stages until it has `count` kept samples: plans the generation and judge
/// calls, routes each answer back to its stage by the call's purpose, and hands finished drafts to the outbox,
/// whose write (index verdict and filter included) reports back which were kept (`recorded`).
///
/// Rejected samples are replaced by new ones, up to `extraSamples` beyond `count` and within the cost limit;
/// the job then completes with what it kept, and its result says how many it rejected and why. Failures are
/// handled per call (`CallFailure`); a judge that fails for good leaves the heuristic coherence. Once the run has
/// decided to end it makes no new call but still keeps the answers of the calls in flight, which were paid
/// for; only a cancel ends it at once.
final class PipelineRun: JobRun {
    static let callAttempts = CallFailure.attempts

    /// Samples a job may make beyond its count to replace rejected ones: the bound on its extra calls.
    static func extraSamples(count: Int) -> Int { max(5, count) }

    /// Samples of a job of `count` are numbered below this; an augmented job's variants come after it.
    static func indexLimit(count: Int) -> Int { count + extraSamples(count: count) }

    let context: RunContext
    var job: ClaimedJob { context.job }
    /// The job's stages; nil when it cannot run here (its end says why).
    let chain: StageChain?
    private let count: Int
    /// Samples are numbered below this: the count and the extra allowance.
    private let indexLimit: Int
    private var nextIndex = 0
    /// Samples to generate, each with its attempt and the earliest time to try.
    private var todo: [Brief] = []
    /// Drafts read from answers, waiting for the local stages (`processDrafts`).
    private var unprocessed: [SampleDraft] = []
    /// Scored drafts waiting for the judge, and when it may next be asked.
    private var judgeBacklog: JudgeBacklog
    private var calls = CallBook<Payload>(cost: CostLimit(spentUSD: 0, maxUSD: nil))
    private var kept: Set<Int> = []
    /// Drafts that passed every local check, handed to the outbox and not yet reported written.
    private var awaitingWrite: Set<Int> = []
    /// How the run ends, once decided; published as `end` when nothing is in flight or unwritten.
    private var decided: RunEnd?

    private struct Brief {
        var index: Int
        var attempt: Int
        var due: ContinuousClock.Instant
    }

    private enum Payload {
        case generation(GenerationStage.Briefs)
        case judge([SampleDraft])
    }


    init(_ context: RunContext, template: PromptTemplate?, resume: ResumePoint, now: ContinuousClock.Instant = .now) {
        self.context = context
        judgeBacklog = JudgeBacklog(now: now)
        switch StageChain.make(context, template: template) {
        case .failure(let reason):
            (chain, count, indexLimit) = (nil, 0, 0)
            decided = .failed(reason: reason.message)
        case .success(let chain):
            self.chain = chain
            let request = chain.generation.request
            count = request.count
            indexLimit = Self.indexLimit(count: count)
            calls = CallBook(cost: CostLimit(spentUSD: resume.spentUSD, maxUSD: request.maxCostUSD))
            kept = resume.keptIndices
            nextIndex = (resume.storedIndices.max() ?? -1) + 1
            // Samples an earlier run asked for but never stored come first.
            todo = (0..<nextIndex).filter { !resume.storedIndices.contains($0) }.map { Brief(index: $0, attempt: 1, due: now) }
            if context.job.cancelRequested { decided = .cancelled }
            topUp(now: now)
            settle()
        }
    }

    var end: RunEnd? {
        guard let decided else { return nil }
        return (calls.isEmpty && unprocessed.isEmpty && awaitingWrite.isEmpty) || decided == .cancelled ? decided : nil
    }

    var isWindingDown: Bool { decided != nil && end == nil }

    var progress: Int { count == 0 ? 0 : min(99, kept.count * 100 / count) }

    var nextCallDue: ContinuousClock.Instant? {
        guard decided == nil, !calls.waitsForCost, calls.count < context.settings.jobMaxInFlight else { return nil }
        let judge = judgeIsReady ? judgeBacklog.due : nil
        return [todo.map(\.due).min(), judge].compactMap { $0 }.min()
    }

    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall] {
        var limit = min(limit, context.settings.jobMaxInFlight - calls.count)
        guard decided == nil, !calls.waitsForCost, let chain else { return [] }
        var planned: [PlannedCall] = []
        if limit > 0, judgeIsReady, judgeBacklog.due <= now {
            let drafts = judgeBacklog.takeBatch()
            let call = chain.judge.call(for: drafts, id: calls.nextCallID, attempt: judgeBacklog.attempt)
            guard admit(call, payload: .judge(drafts)) else {
                judgeBacklog.putBack(drafts)
                return planned
            }
            planned.append(call)
            limit -= 1
        }
        while limit > 0 {
            let due = todo.indices.filter { todo[$0].due <= now }.prefix(chain.generation.samplesPerCall)
            guard let first = due.first else { break }
            let briefs = due.map { todo[$0].index }
            let attempt = due.map { todo[$0].attempt }.max() ?? todo[first].attempt
            let (call, forBriefs) = chain.generation.call(for: briefs, id: calls.nextCallID, attempt: attempt)
            guard admit(call, payload: .generation(forBriefs)) else { break }
            for position in due.reversed() { todo.remove(at: position) }
            planned.append(call)
            limit -= 1
        }
        return planned
    }

    func handle(_ event: CallEvent, costUSD: Double, now: ContinuousClock.Instant) {
        guard let flight = calls.land(event.call.id, costUSD: costUSD) else { return }
        guard decided != .cancelled, let chain else { return }
        switch (flight.payload, event.result) {
        case (.generation(let briefs), .success(let completion)):
            // Kept even when the run already decided to end: the answer was paid for, and a retry resumes
            // after it.
            let (drafts, missing) = chain.generation.read(completion, for: briefs)
            unprocessed += drafts
            if decided == nil { requeue(missing, after: flight.attempt, now: now) }
        case (.generation(let briefs), .failure(let error)) where decided == nil:
            switch CallFailure(error, attempt: flight.attempt, jobAttempt: job.attempt) {
            case .retry(let wait, let attempt):
                context.logger.warning("provider call failed, retrying", metadata: ["error": "\(error.message)"])
                todo += briefs.indices.map { Brief(index: $0, attempt: attempt, due: now + .seconds(wait)) }
            case .end(let end):
                decide(end)
            }
        case (.generation, .failure):
            break
        case (.judge(let drafts), .success(let completion)):
            judgeBacklog.succeeded()
            for draft in chain.judge.apply(completion, to: drafts) { finish(draft) }
        case (.judge(let drafts), .failure(let error)):
            judgeFailed(drafts, error: error, attempt: flight.attempt, now: now)
        }
        topUp(now: now)
        settle()
    }

    /// Runs the local stages over the drafts read since the last call: the claim loop does it once the calls
    /// replacing the answered ones went out, so a slot in flight never waits for the stages.
    func processDrafts() {
        guard !unprocessed.isEmpty, let chain else { return }
        let drafts = unprocessed
        unprocessed.removeAll(keepingCapacity: true)
        for draft in drafts { accept(chain.local(draft)) }
        settle()
    }

    /// The outbox wrote these samples: the kept ones count towards the job's count, the rejected ones are
    /// replaced.
    func recorded(_ samples: [RecordedSample], now: ContinuousClock.Instant) {
        for sample in samples {
            awaitingWrite.remove(sample.index)
            if sample.kept { kept.insert(sample.index) }
        }
        topUp(now: now)
        settle()
    }

    func withdraw(_ unsent: [PlannedCall]) {
        for call in unsent {
            guard let flight = calls.withdraw(call.id) else { continue }
            switch flight.payload {
            case .generation(let briefs): todo += briefs.indices.map { Brief(index: $0, attempt: flight.attempt, due: .now) }
            case .judge(let drafts):
                if decided == nil { judgeBacklog.putBack(drafts) } else { drafts.forEach(finish) }
            }
        }
    }

    func cancel() {
        if end == nil { decide(.cancelled) }
    }

    func stop() {
        if decided == nil { decide(.postpone(delaySeconds: 0, reason: "consumer stopped")) }
    }

    func result(_ connection: Connection) throws(DatabaseError) -> JSONValue {
        try result(connection, extra: [:])
    }

    /// The result with `extra` members in its metadata (a later phase's totals).
    func result(_ connection: Connection, extra: JSONObject) throws(DatabaseError) -> JSONValue {
        try JobTotals.result(
            jobID: job.id, attempt: job.attempt, requested: count,
            provider: chain?.generation.provider.name ?? context.settings.provider,
            model: chain?.generation.model ?? context.settings.model, extra: extra, connection: connection)
    }

    /// What the job's calls cost so far, earlier runs included.
    var spentUSD: Double { calls.cost.spentUSD }

    // MARK: - Stages

    /// A scored draft goes to the judge when it is worth one, else on to the writer.
    private func accept(_ draft: SampleDraft) {
        if decided == nil, chain?.judge.wants(draft) == true {
            judgeBacklog.add(draft)
        } else {
            finish(draft)
        }
    }

    private func finish(_ draft: SampleDraft) {
        if chain?.finish(draft, into: context.samples) == true { awaitingWrite.insert(draft.index) }
    }

    /// Whether the judge's next batch should go (`JudgeBacklog.isReady`).
    private var judgeIsReady: Bool {
        let generating = !todo.isEmpty || !unprocessed.isEmpty
            || calls.payloads.contains { if case .generation = $0 { true } else { false } }
        return judgeBacklog.isReady(generating: generating)
    }

    /// Briefs an answer left out are asked again, up to `callAttempts` each; after that, new samples replace them.
    private func requeue(_ briefs: [Int], after attempt: Int, now: ContinuousClock.Instant) {
        guard attempt < Self.callAttempts else { return }
        todo += briefs.map { Brief(index: $0, attempt: attempt + 1, due: now) }
    }

    /// A failed judge is asked again as any call would be; where the job would end instead, the drafts keep
    /// their heuristic coherence.
    private func judgeFailed(_ drafts: [SampleDraft], error: ProviderError, attempt: Int, now: ContinuousClock.Instant) {
        if decided == nil, case .retry(let wait, let next) = CallFailure(error, attempt: attempt, jobAttempt: job.attempt) {
            judgeBacklog.putBack(drafts, retry: (now + .seconds(wait), next))
        } else {
            context.logger.warning("coherence judge failed; keeping the heuristic", metadata: ["error": "\(error.message)"])
            drafts.forEach(finish)
        }
    }

    // MARK: - Decisions

    /// Adds briefs until the samples kept, on their way and to make cover the count, within the allowance.
    private func topUp(now: ContinuousClock.Instant) {
        guard decided == nil else { return }
        let generating = calls.payloads.reduce(0) { sum, payload in
            if case .generation(let briefs) = payload { sum + briefs.indices.count } else { sum }
        }
        var promised = kept.count + awaitingWrite.count + todo.count + generating + unprocessed.count + judgeBacklog.count
            + calls.payloads.reduce(0) { sum, payload in
                if case .judge(let drafts) = payload { sum + drafts.count } else { sum }
            }
        while promised < count, nextIndex < indexLimit {
            todo.append(Brief(index: nextIndex, attempt: 1, due: now))
            nextIndex += 1
            promised += 1
        }
    }

    /// Admits a planned call if it fits the cost limit beside the calls in flight (which count at their estimate
    /// until they report their cost); only with none in flight does a call that cannot fit end the job.
    private func admit(_ call: PlannedCall, payload: Payload) -> Bool {
        switch calls.admit(call, payload: payload, prices: context.prices) {
        case .admitted: return true
        case .waitForCost: return false
        case .exceedsLimit:
            decide(calls.cost.exceeded(kept: kept.count, of: count))
            return false
        }
    }

    /// Decides the end; drafts not through the stages yet go through them, and those waiting for the judge are
    /// written with their heuristic coherence, as they were paid for.
    private func decide(_ end: RunEnd) {
        decided = end
        processDrafts()
        judgeBacklog.drain().forEach(finish)
    }

    /// Completes once nothing is left to make, judge, wait for or write: the count is kept, or the allowance
    /// is spent.
    private func settle() {
        if decided == nil, todo.isEmpty, calls.isEmpty, unprocessed.isEmpty, judgeBacklog.isEmpty, awaitingWrite.isEmpty {
            decided = .completed
        }
    }
}
