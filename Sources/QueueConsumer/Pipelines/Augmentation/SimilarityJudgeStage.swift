import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How close variants stay to their originals, by an LLM judge (`judge=llm`): several pairs per call at
/// temperature 0, so a repeated judgement comes from the response cache. The judged similarity replaces the
/// local one and is read against the same band; a variant the judge leaves out keeps its local similarity.
struct SimilarityJudgeStage {
    let stage: AugmentStage

    /// Whether the judge can change the variant's fate: it passed every check but, perhaps, the similarity one.
    func wants(_ draft: SampleDraft) -> Bool {
        draft.lineage != nil && draft.localReasons.allSatisfy { $0 == .variant(.nearCopy) || $0 == .variant(.drift) }
    }

    func call(for drafts: [SampleDraft], originals: [Int: String], id: Int, attempt: Int) -> PlannedCall {
        let pairs = drafts.map { draft in
            (index: draft.index, original: originals[draft.lineage?.slot.originalIndex ?? -1] ?? "", variant: draft.text)
        }
        let request = SimilarityPrompt(pairs: pairs).request(model: stage.model, temperature: 0)
        return PlannedCall(
            jobID: stage.jobID, id: id, sampleIndex: drafts.first?.index, attempt: attempt, purpose: .similarity,
            provider: stage.provider, request: request,
            cacheable: stage.cacheMode == "auto" && !stage.provider.answersLocally, discriminator: "similarity")
    }

    func apply(_ completion: Completion, to drafts: [SampleDraft]) -> [SampleDraft] {
        let judged = SimilarityPrompt.parse(completion.text)
        return drafts.map { draft in
            guard let similarity = judged[draft.index], var lineage = draft.lineage else { return draft }
            var draft = draft
            lineage.similarity = similarity
            lineage.similaritySource = "llm"
            draft.lineage = lineage
            draft.localReasons.removeAll { $0 == .variant(.nearCopy) || $0 == .variant(.drift) }
            if let rejection = stage.check(for: lineage.slot.strategy).bounds.rejection(similarity: similarity) {
                draft.localReasons.append(.variant(rejection))
            }
            return draft
        }
    }
}
