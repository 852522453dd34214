import Shared

/// An augmented job: its originals are generated, scored and filtered as any job's (`PipelineRun`); once they
/// are written, the kept ones are augmented (`AugmentationRun`). A resumed job whose originals are all there
/// goes straight to the variants it still lacks.
final class AugmentedRun: JobRun {
    private let generation: PipelineRun
    private var augmentation: AugmentationRun?
    private let context: RunContext
    private let resume: AugmentationResume
    /// Kept originals by index with their stored texts: those of earlier runs, then those written now.
    private var originals: [Int: String]
    /// Variant indices start here.
    private let base: Int
    /// The aspect terms of the job's template.
    private let lexicon: AspectLexicon

    /// - Parameter base: where variant indices start (`PipelineRun.indexLimit` of the job's count).
    init(_ context: RunContext, template: PromptTemplate?, resume: ResumePoint, augmentation: AugmentationResume,
         base: Int, now: ContinuousClock.Instant = .now)
    {
        self.context = context
        self.resume = augmentation
        self.base = base
        lexicon = template?.aspectLexicon ?? .standard
        generation = PipelineRun(context, template: template, resume: resume.restricted(below: base), now: now)
        originals = Dictionary(augmentation.keptOriginals.map { ($0.index, $0.text) }) { first, _ in first }
        advance(now: now)
    }

    var job: ClaimedJob { context.job }
    var end: RunEnd? { augmentation.map(\.end) ?? generation.end }
    var isWindingDown: Bool { augmentation?.isWindingDown ?? generation.isWindingDown }
    /// Generation counts for the first four fifths.
    var progress: Int { augmentation.map { 80 + $0.progress * 19 / 100 } ?? generation.progress * 4 / 5 }
    /// Which budget ended the augmentation early, if one did.
    var budgetStop: String? { augmentation?.budgetStop }
    var nextCallDue: ContinuousClock.Instant? { augmentation.map(\.nextCallDue) ?? generation.nextCallDue }

    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall] {
        defer { advance(now: now) }
        return augmentation?.nextCalls(limit: limit, now: now) ?? generation.nextCalls(limit: limit, now: now)
    }

    func handle(_ event: CallEvent, costUSD: Double, now: ContinuousClock.Instant) {
        if let augmentation { augmentation.handle(event, costUSD: costUSD, now: now) } else {
            generation.handle(event, costUSD: costUSD, now: now)
        }
        advance(now: now)
    }

    func withdraw(_ calls: [PlannedCall]) {
        if let augmentation { augmentation.withdraw(calls) } else { generation.withdraw(calls) }
    }

    func processDrafts() {
        if let augmentation { augmentation.processDrafts() } else { generation.processDrafts() }
        advance(now: .now)
    }

    func recorded(_ samples: [RecordedSample], now: ContinuousClock.Instant) {
        let originalsWritten = samples.filter { $0.index < base }
        for sample in originalsWritten where sample.kept { originals[sample.index] = sample.text }
        if !originalsWritten.isEmpty { generation.recorded(originalsWritten, now: now) }
        augmentation?.recorded(samples.filter { $0.index >= base })
        advance(now: now)
    }

    func cancel() {
        if let augmentation { augmentation.cancel() } else { generation.cancel() }
    }

    func stop() {
        if let augmentation { augmentation.stop() } else { generation.stop() }
    }

    func result(_ connection: Connection) throws(DatabaseError) -> JSONValue {
        let request = generation.chain?.generation.request
        return try generation.result(connection, extra: [
            "augmentation": try AugmentationTotals.json(
                jobID: job.id, request: request?.augmentation, budgetStop: budgetStop,
                connection: connection),
        ])
    }

    /// Starts the augmentation once the originals are complete and written.
    private func advance(now: ContinuousClock.Instant) {
        guard augmentation == nil, generation.end == .completed, let chain = generation.chain,
            let request = chain.generation.request.augmentation
        else { return }
        let stage = AugmentStage(
            request: request, jobID: job.id, provider: chain.generation.provider, model: chain.generation.model,
            product: chain.generation.request.product, temperature: chain.generation.request.temperature, seed: chain.generation.request.seed,
            cacheMode: context.settings.responseCache, base: base, lexicon: lexicon)
        augmentation = AugmentationRun(
            context, chain: chain, stage: stage, originals: originals.map { ($0.key, $0.value) },
            stored: resume.storedVariants, callsMade: resume.callsMade, spentUSD: generation.spentUSD, now: now)
    }
}
