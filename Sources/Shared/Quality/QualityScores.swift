/// A sample's quality: each component from 0 to 1, their weighted mean, and why it is rejected, if it is.
///
/// Stored with the sample as computed, so a later change of weights or threshold never rewrites history; a stage
/// that needs another threshold asks `reasons(threshold:)` instead of scoring again.
public struct QualityScores: Sendable, Equatable {
    public var wordCount: Int
    public var length: Double
    public var grammar: Double
    public var lexicalDiversity: Double
    public var relevance: Double
    public var uniqueness: Double
    public var coherence: Double
    /// The weights `overall` was computed with.
    public var weights: QualityWeights
    /// The weighted mean of the components, 0…1.
    public var overall: Double
    /// `tooShort` or `tooLong` when the word count is outside the kind's hard limits: rejected whatever the score.
    public var hardLimit: RejectionReason?
    /// Every reason for rejection at the scorer's threshold; empty when the sample is kept.
    public var reasons: [RejectionReason]

    /// The score of `component`.
    public subscript(component: QualityComponent) -> Double {
        switch component {
        case .length: length
        case .grammar: grammar
        case .lexicalDiversity: lexicalDiversity
        case .relevance: relevance
        case .uniqueness: uniqueness
        case .coherence: coherence
        }
    }

    /// Whether the sample is kept at the scorer's threshold.
    public var isKept: Bool { reasons.isEmpty }

    /// Whether the sample is kept at `threshold`: within the hard limits and an overall of at least `threshold`.
    public func isKept(threshold: Double) -> Bool { reasons(threshold: threshold).isEmpty }

    /// Every reason for rejection at `threshold`: the hard limit broken, `belowThreshold`, and each weighted
    /// component below `threshold`, which says what pulled the overall down. Empty when the sample is kept.
    public func reasons(threshold: Double) -> [RejectionReason] {
        var reasons = hardLimit.map { [$0] } ?? []
        guard overall < threshold || !reasons.isEmpty else { return [] }
        if overall < threshold { reasons.append(.belowThreshold) }
        for component in QualityComponent.allCases where weights[component] > 0 && self[component] < threshold {
            reasons.append(.weak(component))
        }
        return reasons
    }
}
