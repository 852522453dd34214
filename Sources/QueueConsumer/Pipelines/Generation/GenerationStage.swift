import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The first stage: plans the provider call for some of a job's samples (its briefs) and reads the answer back
/// into drafts, naming the briefs the answer left out so only those are asked again.
///
/// Each brief is the job's template rendered for one sample index, seeded by the job (its `seed`, else its id),
/// so a resumed job renders the same prompts.
struct GenerationStage {
    let request: GenerationRequest
    let renderer: PromptRenderer
    let jobID: UUID
    let provider: any Provider
    let model: String
    /// Samples asked for in one call.
    let samplesPerCall: Int
    let cacheMode: String

    private var controls: PromptControls {
        PromptControls(
            product: request.product, sentimentIntensity: request.sentimentIntensity, tone: request.tone,
            lengthWords: request.lengthWords, constraints: request.constraints, fewShot: request.fewShot)
    }

    private var seed: UInt64 { request.seed.map { UInt64($0) } ?? SampleSeed.derive(jobID: jobID, index: -1) }

    /// The rendered prompt of sample `index`; nil only for a template that no longer renders.
    func prompt(index: Int) -> SamplePrompt? {
        try? renderer.prompt(controls, index: index, seed: seed)
    }

    func call(for briefs: [Int], id: Int, attempt: Int) -> PlannedCall {
        precondition(!briefs.isEmpty, "a generation call is for at least one sample")
        let index = briefs[0]
        let spec = SampleSpec(
            product: request.product, kind: request.kind, sentiment: request.sentimentIntensity,
            tone: request.tone, index: index, seed: SampleSeed.derive(jobID: jobID, index: index))
        // A job's seed gives each sample its own seed, so samples differ and a re-run repeats them.
        let completionRequest = CompletionRequest(
            model: model, messages: prompt(index: index)?.messages ?? [], temperature: request.temperature,
            maxOutputTokens: TokenEstimator.sampleMaxOutputTokens, seed: request.seed.map { $0 &+ index }, sample: spec)
        let deterministic = request.temperature == 0 || request.seed != nil
        return PlannedCall(
            jobID: jobID, id: id, sampleIndex: index, attempt: attempt, purpose: .generation, provider: provider,
            request: completionRequest, cacheable: cacheMode == "auto" && deterministic && !provider.answersLocally,
            discriminator: briefs.map(String.init).joined(separator: ","))
    }

    /// The drafts in `completion` for `briefs`, and the briefs it did not answer.
    func read(_ completion: Completion, briefs: [Int]) -> (drafts: [SampleDraft], missing: [Int]) {
        let text = completion.text.trimmingSpaces
        guard let index = briefs.first, !text.isEmpty else { return ([], briefs) }
        let draft = SampleDraft(index: index, text: text, model: completion.model, variation: prompt(index: index)?.variation ?? [:])
        return ([draft], Array(briefs.dropFirst()))
    }
}
