import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Coherence by an LLM judge, where it is configured to decide (`DATAFORGE_COHERENCE_JUDGE`): picks the drafts
/// worth judging, asks about several in one call (temperature 0, so a repeated judgement comes from the response
/// cache), and puts the judgements into their scores. A draft the judge leaves out keeps its heuristic coherence.
struct JudgeStage {
    /// Drafts judged in one call.
    static let batchSize = 8

    let mode: CoherenceJudgeMode
    let threshold: Double
    let filters: Bool
    let jobID: UUID
    let provider: any Provider
    let model: String
    let product: String
    let kind: SampleKind
    let cacheMode: String

    /// Whether `draft` (scored, with the heuristic coherence) goes to the judge.
    func wants(_ draft: SampleDraft) -> Bool {
        // A draft rejected whatever its coherence (personal data, outside the length limits) is not worth a call.
        guard let scores = draft.scores, scores.hardLimit == nil, !draft.localReasons.contains(where: \.isFinal) else {
            return false
        }
        switch mode {
        case .off: return false
        case .sampled: return SampleSeed.derive(jobID: jobID, index: draft.index) % 5 == 0
        case .borderline: return filters && abs(scores.overall - threshold) <= CoherenceJudgeMode.borderlineMargin
        }
    }

    func call(for drafts: [SampleDraft], id: Int, attempt: Int) -> PlannedCall {
        let prompt = JudgePrompt(product: product, kind: kind, texts: drafts.map { ($0.index, $0.text) })
        // Temperature 0: a judgement should not vary, and then a repeated one comes from the response cache.
        let request = prompt.request(model: model, temperature: 0)
        return PlannedCall(
            jobID: jobID, id: id, sampleIndex: drafts.first?.index, attempt: attempt, purpose: .judge,
            provider: provider, request: request, cacheable: cacheMode == "auto" && !provider.answersLocally,
            discriminator: "judge")
    }

    /// The drafts with the judge's coherence where it gave one, scored again.
    func apply(_ completion: Completion, to drafts: [SampleDraft]) -> [SampleDraft] {
        let judged = JudgePrompt.parse(completion.text, expected: Set(drafts.map(\.index)))
        return drafts.map { draft in
            guard let coherence = judged[draft.index], let scores = draft.scores else { return draft }
            var draft = draft
            let revised = scores.revised(coherence: coherence, threshold: threshold)
            draft.scores = revised
            draft.coherenceSource = "judge"
            let others = draft.localReasons.filter(\.isFinal)
            draft.localReasons = (filters ? revised.reasons : []) + others
            return draft
        }
    }
}
