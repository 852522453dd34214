import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A generated text on its way through the stages, with what each has found so far.
struct SampleDraft {
    /// The sample's index within its job (its brief's).
    var index: Int
    var text: String
    /// The model that answered.
    var model: String
    /// What the prompt varied for this sample (persona, scenario, …), kept in its metadata.
    var variation: JSONValue = [:]
    /// Kinds of personal data found (redacted from `text` or rejected, as the policy says).
    var pii: [PIIKind] = []
    var scores: QualityScores?
    /// `heuristic`, or `judge` once an LLM judged its coherence.
    var coherenceSource = "heuristic"
    /// Reasons decided before the de-duplication index is asked (PII rejected, too short, below threshold…).
    var localReasons: [RejectionReason] = []
    var fingerprint: DedupFingerprint?
    /// Set for an augmented variant: its original and what it changed.
    var lineage: VariantLineage?
    /// A variant's original and its sibling variants: it is meant to be close to them, so only an exact copy
    /// of one, or closeness to any other sample, makes it a duplicate.
    var family: Set<UUID> = []

    init(index: Int, text: String, model: String, variation: JSONValue = [:]) {
        self.index = index
        self.text = text
        self.model = model
        self.variation = variation
    }

    /// Passed every local check: only such a sample is recorded in the de-duplication index and counted on
    /// before its write is confirmed.
    var passesLocally: Bool { localReasons.isEmpty }
}
