/// How the quality filter decided over a set of samples: counters, rates, reasons and mean scores.
///
/// A sample counts once in each `failed…` group one of its reason codes belongs to, so the groups may add
/// up to more than the rejected samples.
public struct QualityStats: Sendable, Equatable {
    public var totalProcessed: Int
    public var passedFilter: Int
    /// `too_short` or `too_long`.
    public var failedLength: Int
    /// `below_threshold` or any `low_<component>`.
    public var failedQuality: Int
    /// `duplicate` or `near_duplicate`.
    public var failedDuplicate: Int
    /// `contains_pii`.
    public var failedPII: Int
    /// Samples per reason code.
    public var byReason: [(code: String, count: Int)]
    /// The mean of `overall` and each component over the samples that have it; nil when none has.
    public var meanScores: [(name: String, mean: Double?)]

    /// The names `meanScores` covers, in order: `overall`, then each component.
    public static let scoreNames = ["overall"] + QualityComponent.allCases.map(\.rawValue)

    /// Passed over processed, 0 when nothing was processed.
    public var passRate: Double { rate(passedFilter) }
    /// Rejected as duplicates over processed, 0 when nothing was processed.
    public var duplicateRate: Double { rate(failedDuplicate) }

    private func rate(_ count: Int) -> Double {
        totalProcessed == 0 ? 0 : Double(count) / Double(totalProcessed)
    }

    public static func == (lhs: QualityStats, rhs: QualityStats) -> Bool {
        lhs.totalProcessed == rhs.totalProcessed && lhs.passedFilter == rhs.passedFilter
            && lhs.failedLength == rhs.failedLength && lhs.failedQuality == rhs.failedQuality
            && lhs.failedDuplicate == rhs.failedDuplicate && lhs.failedPII == rhs.failedPII
            && lhs.byReason.elementsEqual(rhs.byReason) { $0 == $1 }
            && lhs.meanScores.elementsEqual(rhs.meanScores) { $0 == $1 }
    }
}
