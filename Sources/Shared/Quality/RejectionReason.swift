#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// An earlier sample of the de-duplication scope normalises to the same text.
    case duplicate(of: UUID)
    /// An earlier sample's shingle Jaccard similarity with this one reaches the threshold.
    case nearDuplicate(of: UUID, jaccard: Double)
    /// An augmented variant no longer says what its original said (`VariantCheck`).
    case variant(VariantRejection)

    /// The stable code stored in `samples.filter_reason` (comma-joined) and counted by `/api/quality-stats`
    /// (`too_short`, `low_grammar`, `near_duplicate`, …).
    public var code: String {
        switch self {
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        case .belowThreshold: "below_threshold"
        case .weak(let component): "low_" + component.rawValue
        case .containsPII: "contains_pii"
        case .duplicate: "duplicate"
        case .nearDuplicate: "near_duplicate"
        case .variant(let rejection): rejection.code
        }
    }

    /// Whether it is not a matter of quality (personal data, a variant that no longer says what its original
    /// said), so no later score can lift it and it rejects whether or not the job filters on quality.
    public var isFinal: Bool {
        switch self {
        case .containsPII, .variant: true
        case .tooShort, .tooLong, .belowThreshold, .weak, .duplicate, .nearDuplicate: false
        }
    }

    /// The reason with its particulars (which sample it duplicates, at what similarity, which kinds of data),
    /// as listed in a sample's `quality.reasons`.
    public var json: JSONValue {
        var object: JSONObject = ["code": .string(code)]
        switch self {
        case .containsPII(let kinds): object["kinds"] = .array(kinds.map { .string($0.rawValue) })
        case .duplicate(let original): object["duplicate_of"] = .string(original.sqlText)
        case .nearDuplicate(let original, let jaccard):
            object["duplicate_of"] = .string(original.sqlText)
            object["jaccard"] = .double((jaccard * 1000).rounded() / 1000)
        case .variant(let rejection): return rejection.json
        case .tooShort, .tooLong, .belowThreshold, .weak: break
        }
        return .object(object)
    }
}
