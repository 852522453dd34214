/// Why a sample was not kept; every reason that applies is stored with it, not just the first.
public enum RejectionReason: Sendable, Hashable {
    /// Fewer words than its kind's hard minimum.
    case tooShort
    /// More words than its kind's hard maximum.
    case tooLong
    /// The overall score is below the job's `min_quality_score`.
    case belowThreshold
    /// A component scored below the threshold; listed with `belowThreshold` to say what pulled the overall down.
    case weak(QualityComponent)
    /// `DATAFORGE_PII=reject` and personal data of these kinds was found.
    case containsPII([PIIKind])

    /// The stable text stored with a sample and counted by `/api/quality-stats` (`too_short`, `low_grammar`, …).
    public var code: String {
        switch self {
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        case .belowThreshold: "below_threshold"
        case .weak(let component): "low_" + component.rawValue
        case .containsPII(let kinds): "contains_pii:" + kinds.map(\.rawValue).joined(separator: ",")
        }
    }
}
