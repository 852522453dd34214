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

    /// What a generation call is for: its briefs and what each one's prompt varied (kept in the sample's
    /// metadata without rendering the prompt again).
    struct Briefs {
        var indices: [Int]
        var variations: [Int: JSONValue]
    }

    /// One plain prompt for a single brief; several briefs go in one prompt asking for a JSON array.
    func call(for briefs: [Int], id: Int, attempt: Int) -> (call: PlannedCall, briefs: Briefs) {
        precondition(!briefs.isEmpty, "a generation call is for at least one sample")
        let prompts = briefs.map { prompt(index: $0) }
        // A job's seed gives each call its own seed, so calls differ and a re-run repeats them.
        let seed = request.seed.map { $0 &+ briefs[0] }
        let completionRequest: CompletionRequest
        if briefs.count == 1 {
            completionRequest = CompletionRequest(
                model: model, messages: prompts[0]?.messages ?? [], temperature: request.temperature,
                maxOutputTokens: TokenEstimator.sampleMaxOutputTokens, seed: seed)
        } else {
            let multi = MultiSamplePrompt(
                system: prompts.compactMap { $0?.system }.first ?? "",
                briefs: zip(briefs, prompts).map { ($0, $1?.user ?? "") })
            completionRequest = multi.request(model: model, temperature: request.temperature, seed: seed)
        }
        let deterministic = request.temperature == 0 || request.seed != nil
        let call = PlannedCall(
            jobID: jobID, id: id, sampleIndex: briefs[0], attempt: attempt, purpose: .generation, provider: provider,
            request: completionRequest, cacheable: cacheMode == "auto" && deterministic && !provider.answersLocally,
            discriminator: briefs.map(String.init).joined(separator: ","))
        var variations: [Int: JSONValue] = [:]
        for (index, prompt) in zip(briefs, prompts) { variations[index] = prompt?.variation }
        return (call, Briefs(indices: briefs, variations: variations))
    }

    /// The drafts in `completion` for `briefs`, and the briefs it did not answer (a short or malformed array
    /// keeps its good items).
    func read(_ completion: Completion, for call: Briefs) -> (drafts: [SampleDraft], missing: [Int]) {
        let briefs = call.indices
        let texts: [Int: String]
        if briefs.count == 1 {
            let text = completion.text.trimmingSpaces
            texts = text.isEmpty ? [:] : [briefs[0]: text]
        } else {
            texts = SampleBatch.parse(completion.text, expected: Set(briefs)).mapValues(\.trimmingSpaces).filter { !$0.value.isEmpty }
        }
        let drafts = briefs.compactMap { index in
            texts[index].map {
                SampleDraft(index: index, text: $0, model: completion.model, variation: call.variations[index] ?? [:])
            }
        }
        return (drafts, briefs.filter { texts[$0] == nil })
    }
}
