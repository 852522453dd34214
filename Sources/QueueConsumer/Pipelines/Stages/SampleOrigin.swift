import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What every sample of a job shares: where it comes from and how it was asked for.
struct SampleOrigin {
    var jobID: UUID
    var kind: SampleKind
    var product: String
    var template: String
    var templateVersion: String
    var promptVersion: String
    var temperature: Double
    var provider: String
    /// Metadata every sample of the job carries (the controls it was asked with).
    var metadata: JSONObject
}
