import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension GenerationRequest {
    var qualityFilter: Bool { false }
    var minQualityScore: Double { QualityScorer.defaultThreshold }

    /// The de-duplication scope the job asked for.
    func dedupScopeValue(jobID: UUID) -> DedupScope { .job(jobID) }
}
