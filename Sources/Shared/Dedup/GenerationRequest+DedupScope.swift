#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension GenerationRequest {
    /// The scope the samples of job `jobID` are de-duplicated in.
    ///
    /// A `dataset` scope without a dataset id (only in hand-written params: validation requires one) falls
    /// back to the job, the narrowest scope, rather than comparing with every sample.
    public func deduplicationScope(jobID: UUID) -> DedupScope {
        switch dedupScope {
        case .job: .job(jobID)
        case .global: .global
        case .dataset: datasetID.map(DedupScope.dataset) ?? .job(jobID)
        }
    }
}
