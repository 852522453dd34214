import Shared

/// The augmentation phase of an augmented job, once its originals are generated and filtered: asks for the
/// paraphrases its variants need, makes ADA variants locally, and hands every variant through the job's local
/// stages (PII, scores) to the outbox, where de-duplication and the filter decide it like any sample.
///
/// Each variant has a fixed sample index (`VariantSlot`), so a resumed job makes only the variants not stored
/// yet. The phase stops asking when `max_augmentation_calls` or the job's cost limit would be passed, and the
/// job completes with what it has (`budgetStop` says which).
final class AugmentationRun {
    private let context: RunContext
    private let chain: StageChain
    private let stage: AugmentStage
    /// Calls to make: an original's alternatives, or paraphrases for its slots still without one.
    private var todo: [Rewrite] = []
    private var calls: CallBook<Payload>
    private var unprocessed: [SampleDraft] = []
    /// Variants waiting for the similarity judge (`judge=llm`), and the judge; nil when similarity is local.
    private var judgeBacklog: JudgeBacklog
    private let judge: SimilarityJudgeStage?
    /// The originals' texts by index, for the judge.
    private var originalTexts: [Int: String] = [:]
    private var awaitingWrite: Set<Int> = []
    /// Augmentation calls made for the job so far, earlier runs included.
    private var callsMade: Int
    private var decided: RunEnd?
    /// Variants to make in this run, and those written so far.
    private let planned: Int
    private var written = 0
    /// Which budget stopped the phase early, if one did (`max_augmentation_calls`, `max_cost_usd`).
    private(set) var budgetStop: String?

    private struct Rewrite {
        var original: AugmentationOriginal
        var slots: [VariantSlot]
        var attempt: Int
        var due: ContinuousClock.Instant
        /// With `aspect_alternatives=llm`, an original's terms get their alternatives before any swap is made.
        var step = Step.paraphrases
    }

    private enum Step {
        case alternatives
        case paraphrases
    }

    private enum Payload {
        case rewrite(Rewrite)
        case similarity([SampleDraft])
    }


    /// - Parameters:
    ///   - originals: the job's kept originals by index, with their stored texts.
    ///   - stored: indices of variants already stored by earlier runs.
    init(
        _ context: RunContext, chain: StageChain, stage: AugmentStage, originals: [(index: Int, text: String)],
        stored: Set<Int>, callsMade: Int, spentUSD: Double, now: ContinuousClock.Instant
    ) {
        self.context = context
        self.chain = chain
        self.stage = stage
        self.callsMade = callsMade
        judgeBacklog = JudgeBacklog(now: now)
        judge = stage.request.similarityJudge == .llm ? SimilarityJudgeStage(stage: stage) : nil
        // Ids far above the generation phase's, so a late event of that phase can never match one of these.
        calls = CallBook(cost: CostLimit(spentUSD: spentUSD, maxUSD: chain.generation.request.maxCostUSD), firstCallID: 1 << 40)
        let chosen = originals.sorted { $0.index < $1.index }.prefix(stage.request.originalsToAugment(kept: originals.count))
        let work = chosen.map { index, text in
            (stage.original(index: index, text: text),
             VariantSlot.slots(of: index, stage.request).filter { !stored.contains($0.sampleIndex(base: stage.base)) })
        }
        planned = work.reduce(0) { $0 + $1.1.count }
        for (original, slots) in work {
            originalTexts[original.index] = original.text
            let swaps = slots.contains { $0.strategy != .cda } && !original.aspects.mentions.isEmpty
            if stage.request.alternatives == .llm, swaps {
                todo.append(Rewrite(original: original, slots: slots, attempt: 1, due: now, step: .alternatives))
            } else {
                start(original, slots, now: now)
            }
        }
        if context.job.cancelRequested { decided = .cancelled }
        settle()
    }

    var end: RunEnd? {
        guard let decided else { return nil }
        return (calls.isEmpty && unprocessed.isEmpty && awaitingWrite.isEmpty) || decided == .cancelled ? decided : nil
    }

    var isWindingDown: Bool { decided != nil && end == nil }

    /// 0…100: the share of this run's variants written.
    var progress: Int { planned == 0 ? 100 : min(100, written * 100 / planned) }

    var nextCallDue: ContinuousClock.Instant? {
        guard decided == nil, !calls.waitsForCost, calls.count < context.settings.jobMaxInFlight else { return nil }
        let judging = judgeIsReady ? judgeBacklog.due : nil
        return [todo.map(\.due).min(), judging].compactMap { $0 }.min()
    }

    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall] {
        var planned: [PlannedCall] = []
        var room = min(limit, context.settings.jobMaxInFlight - calls.count)
        if room > 0, decided == nil, !calls.waitsForCost, let judge, judgeIsReady, judgeBacklog.due <= now {
            let drafts = judgeBacklog.takeBatch()
            let call = judge.call(for: drafts, originals: originalTexts, id: calls.nextCallID, attempt: judgeBacklog.attempt)
            if admit(call, payload: .similarity(drafts)) {
                planned.append(call)
                room -= 1
            } else {
                judgeBacklog.putBack(drafts)
            }
        }
        while room > 0, decided == nil, !calls.waitsForCost, let position = todo.firstIndex(where: { $0.due <= now }) {
            let rewrite = todo[position]
            let call = rewrite.step == .alternatives
                ? stage.alternativesCall(for: rewrite.original, id: calls.nextCallID, attempt: rewrite.attempt)
                : stage.call(for: rewrite.slots, of: rewrite.original, id: calls.nextCallID, attempt: rewrite.attempt)
            guard admit(call, payload: .rewrite(rewrite)) else { break }
            todo.remove(at: position)
            planned.append(call)
            room -= 1
        }
        return planned
    }

    func handle(_ event: CallEvent, costUSD: Double, now: ContinuousClock.Instant) {
        guard let flight = calls.land(event.call.id, costUSD: costUSD) else { return }
        guard decided != .cancelled else { return }
        switch flight.payload {
        case .rewrite(let rewrite): handle(event.result, of: rewrite, now: now)
        case .similarity(let drafts): handle(event.result, judging: drafts, attempt: flight.attempt, now: now)
        }
        settle()
    }

    private func handle(_ result: Result<Completion, ProviderError>, of rewrite: Rewrite, now: ContinuousClock.Instant) {
        var rewrite = rewrite
        switch result {
        case .success(let completion) where rewrite.step == .alternatives:
            start(stage.withAlternatives(completion, for: rewrite.original), rewrite.slots, now: now)
        case .success(let completion):
            // Kept even when the phase already decided to end: the answer was paid for.
            let (drafts, missing) = stage.read(completion, for: rewrite.slots, of: rewrite.original)
            unprocessed += drafts
            // Slots an answer left out are asked again, up to the attempts any call gets.
            if decided == nil, !missing.isEmpty, rewrite.attempt < CallFailure.attempts {
                todo.append(Rewrite(original: rewrite.original, slots: missing, attempt: rewrite.attempt + 1, due: now))
            }
        case .failure(let error) where decided == nil:
            switch CallFailure(error, attempt: rewrite.attempt, jobAttempt: context.job.attempt) {
            case .retry(let wait, let attempt):
                context.logger.warning("augmentation call failed, retrying", metadata: ["error": "\(error.message)"])
                rewrite.attempt = attempt
                rewrite.due = now + .seconds(wait)
                todo.append(rewrite)
            case .end(let end):
                decide(end)
            }
        case .failure:
            break
        }
    }

    /// A judged batch goes on to the writer; a failed one is asked again as any call would be, or keeps its
    /// local similarity.
    private func handle(
        _ result: Result<Completion, ProviderError>, judging drafts: [SampleDraft], attempt: Int,
        now: ContinuousClock.Instant
    ) {
        switch result {
        case .success(let completion):
            judgeBacklog.succeeded()
            for draft in judge?.apply(completion, to: drafts) ?? drafts { finish(draft) }
        case .failure(let error):
            if decided == nil, case .retry(let wait, let next) = CallFailure(error, attempt: attempt, jobAttempt: context.job.attempt) {
                judgeBacklog.putBack(drafts, retry: (now + .seconds(wait), next))
            } else {
                context.logger.warning("similarity judge failed; keeping the local similarity", metadata: ["error": "\(error.message)"])
                drafts.forEach(finish)
            }
        }
    }

    func withdraw(_ unsent: [PlannedCall]) {
        for call in unsent {
            guard let flight = calls.withdraw(call.id) else { continue }
            callsMade -= 1
            switch flight.payload {
            case .rewrite(let rewrite): todo.append(rewrite)
            case .similarity(let drafts): if decided == nil { judgeBacklog.putBack(drafts) } else { drafts.forEach(finish) }
            }
        }
    }

    /// An original's ADA variants are made at once, its paraphrased ones asked for.
    private func start(_ original: AugmentationOriginal, _ slots: [VariantSlot], now: ContinuousClock.Instant) {
        unprocessed += slots.filter { !AugmentStage.isParaphrased($0) }.map { stage.aspectVariant($0, of: original) }
        let paraphrased = slots.filter(AugmentStage.isParaphrased)
        if !paraphrased.isEmpty { todo.append(Rewrite(original: original, slots: paraphrased, attempt: 1, due: now)) }
    }

    /// Variants through the job's local stages (PII, scores) and on to the outbox.
    func processDrafts() {
        guard !unprocessed.isEmpty else { return }
        let drafts = unprocessed
        unprocessed.removeAll(keepingCapacity: true)
        for draft in drafts.map(chain.local) {
            if decided == nil, judge?.wants(draft) == true { judgeBacklog.add(draft) } else { finish(draft) }
        }
        settle()
    }

    private func finish(_ draft: SampleDraft) {
        if chain.finish(draft, into: context.samples) { awaitingWrite.insert(draft.index) }
    }

    /// Whether the judge's next batch should go: a full one, or whatever waits once no paraphrase can add to it.
    private var judgeIsReady: Bool {
        let paraphrasing = !todo.isEmpty || !unprocessed.isEmpty
            || calls.payloads.contains { if case .rewrite = $0 { true } else { false } }
        return judgeBacklog.isReady(generating: paraphrasing)
    }

    /// Admits a call within the call budget and the cost limit (calls in flight count at their estimate); a
    /// budget that cannot fit it even with nothing in flight ends the phase early.
    private func admit(_ call: PlannedCall, payload: Payload) -> Bool {
        if let maxCalls = stage.request.maxCalls, callsMade >= maxCalls {
            stopEarly(budget: "max_augmentation_calls")
            return false
        }
        switch calls.admit(call, payload: payload, prices: context.prices) {
        case .admitted:
            callsMade += 1
            return true
        case .waitForCost: return false
        case .exceedsLimit:
            stopEarly(budget: "max_cost_usd")
            return false
        }
    }

    func recorded(_ samples: [RecordedSample]) {
        for sample in samples where sample.index >= stage.base {
            awaitingWrite.remove(sample.index)
            written += 1
        }
        settle()
    }

    func cancel() {
        if end == nil { decide(.cancelled) }
    }

    func stop() {
        if decided == nil { decide(.postpone(delaySeconds: 0, reason: "consumer stopped")) }
    }

    /// A budget ran out: no more calls; the job completes with the variants it has.
    private func stopEarly(budget: String) {
        budgetStop = budget
        todo.removeAll()
        judgeBacklog.drain().forEach(finish)
        settle()
    }

    /// Decides the end; variants not through the stages yet go through them, and those waiting for the judge
    /// are written with their local similarity.
    private func decide(_ end: RunEnd) {
        decided = end
        processDrafts()
        judgeBacklog.drain().forEach(finish)
    }

    private func settle() {
        if decided == nil, todo.isEmpty, calls.isEmpty, unprocessed.isEmpty, judgeBacklog.isEmpty, awaitingWrite.isEmpty {
            decided = .completed
        }
    }
}
