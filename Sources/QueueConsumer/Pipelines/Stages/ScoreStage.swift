import Shared

/// Scores a draft locally (every component but uniqueness, which the de-duplication index gives, and with
/// the heuristic coherence, which a judge may replace) and records the reasons it already fails on.
struct ScoreStage: PipelineStage {
    let scorer: QualityScorer
    let kind: SampleKind
    let product: String
    /// Whether the job filters on its score; without it only the de-duplication index and PII reject.
    let filters: Bool

    func run(_ draft: SampleDraft) -> SampleDraft {
        var draft = draft
        let scores = scorer.score(draft.text, kind: kind, product: product)
        draft.scores = scores
        // Uniqueness counts as 1 until the index answers, so these reasons can only grow later, never vanish.
        if filters { draft.localReasons = scores.reasons + draft.localReasons }
        return draft
    }
}
