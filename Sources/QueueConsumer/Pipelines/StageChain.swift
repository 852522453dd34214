import Shared

/// A generation job's stages, built once from its parameters and the consumer's settings:
/// generate → PII → score → (judge) → fingerprint → [index] → filter.
struct StageChain {
    let generation: GenerationStage
    let pii: PIIStage
    let score: ScoreStage
    let judge: JudgeStage
    let fingerprint = FingerprintStage()
    let filter: FilterStage
    let scope: DedupScope
    let jaccardThreshold = DedupStore.defaultThreshold

    struct SetupFailure: Error {
        var message: String
    }

    /// The chain of `context`'s job with its pinned template (nil when it does not exist here), or why the job
    /// cannot run here.
    static func make(_ context: RunContext, template: PromptTemplate?) -> Result<StageChain, SetupFailure> {
        guard let request = GenerationRequest(params: context.job.params) else {
            return .failure(SetupFailure(message: "The job's parameters are invalid"))
        }
        guard let template else {
            return .failure(SetupFailure(message: "Template \(request.templateName) \(request.version) does not exist"))
        }
        if let pinned = request.templateHash, pinned != template.contentHash {
            return .failure(SetupFailure(
                message: "Template \(request.templateName) \(request.version) changed since the job was accepted "
                    + "(content hash \(template.contentHash), pinned \(pinned))"))
        }
        let renderer: PromptRenderer
        do {
            renderer = try context.renderers.renderer(for: template)
        } catch {
            return .failure(SetupFailure(message: "Template \(request.templateName) \(request.version) does not render: \(error)"))
        }
        let pinned: (provider: any Provider, model: String)
        switch context.providers.pinned(provider: request.provider, model: request.model) {
        case .failure(let refusal): return .failure(SetupFailure(message: refusal.reason))
        case .success(let found): pinned = found
        }
        let settings = context.settings
        let jobID = context.job.id
        let origin = SampleOrigin(
            jobID: jobID, kind: request.kind, product: request.product, template: template.name,
            templateVersion: template.version, promptVersion: request.version, temperature: request.temperature,
            provider: pinned.provider.name, metadata: [
                "template": .string(template.name), "template_hash": .string(template.contentHash),
                "sentiment_intensity": request.sentimentIntensity.map(JSONValue.int) ?? .null,
                "tone": request.tone.map(JSONValue.string) ?? .null, "provider": .string(pinned.provider.name),
            ])
        let threshold = request.minQualityScore
        return .success(StageChain(
            generation: GenerationStage(
                request: request, renderer: renderer, jobID: jobID, provider: pinned.provider, model: pinned.model,
                samplesPerCall: request.samplesPerCall ?? settings.samplesPerCall, cacheMode: settings.responseCache),
            pii: PIIStage(policy: settings.piiPolicy),
            score: ScoreStage(
                scorer: QualityScorer(weights: settings.qualityWeights, threshold: threshold), kind: request.kind,
                product: request.product, filters: request.qualityFilter),
            judge: JudgeStage(
                mode: settings.coherenceJudge, threshold: threshold, filters: request.qualityFilter, jobID: jobID,
                provider: pinned.provider, model: pinned.model, product: request.product, kind: request.kind,
                cacheMode: settings.responseCache),
            filter: FilterStage(origin: origin, threshold: threshold, filters: request.qualityFilter),
            scope: request.deduplicationScope(jobID: jobID)))
    }

    /// The draft through the local stages that come before the judge.
    func local(_ draft: SampleDraft) -> SampleDraft {
        score.run(pii.run(draft))
    }

    /// What the writer needs of a finished draft.
    func candidate(_ draft: SampleDraft) -> SampleCandidate {
        SampleCandidate(draft: fingerprint.run(draft), filter: filter, scope: scope, jaccardThreshold: jaccardThreshold)
    }

    /// Hands a finished draft to the outbox; true when it passed every local check, so its run waits for the
    /// write to learn whether it was kept.
    func finish(_ draft: SampleDraft, into outbox: SampleOutbox) -> Bool {
        let candidate = candidate(draft)
        outbox.add(candidate)
        return candidate.draft.passesLocally
    }
}
