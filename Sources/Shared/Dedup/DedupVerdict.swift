#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the de-duplication index decided about one sample; the pipeline stores it as the sample's reason.
public enum DedupVerdict: Sendable, Equatable {
    /// No earlier sample in the scope is equal or similar enough: the sample is now recorded.
    case unique
    /// An earlier sample normalises to the same text.
    case exactDuplicate(of: UUID)
    /// An earlier sample's shingle Jaccard similarity reaches the threshold (the most similar one is named).
    case nearDuplicate(of: UUID, jaccard: Double)
}
