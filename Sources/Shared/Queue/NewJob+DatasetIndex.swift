#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension NewJob {
    /// Ahead of generation jobs (a lower number is claimed first): `dedup_scope=dataset` jobs wait for it.
    public static let datasetIndexPriority = 50

    /// The job that brings dataset `datasetID`'s de-duplication scope up to its latest version
    /// (`DedupIndexStore`); a commit enqueues it.
    public static func datasetIndex(datasetID: UUID, maxAttempts: Int, ownerKeyID: String?) -> NewJob {
        NewJob(
            kind: DedupIndexStore.jobKind, params: ["dataset_id": .string(datasetID.sqlText)], maxAttempts: maxAttempts,
            priority: datasetIndexPriority, ownerKeyID: ownerKeyID)
    }

    /// The dataset a `dataset_index` job's params name.
    public static func datasetIndexTarget(_ params: JSONValue) -> UUID? {
        params["dataset_id"]?.stringValue.flatMap(UUID.init(uuidString:))
    }
}
