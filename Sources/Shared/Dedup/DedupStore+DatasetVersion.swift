#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DedupStore {
    /// Records the samples of a just committed version under `DedupScope.dataset(datasetID)`, so that jobs with
    /// `dedup_scope=dataset` are checked against the dataset's latest version; call in the commit's transaction.
    ///
    /// The version's samples are fingerprinted again from their stored texts rather than copied from the rows
    /// recorded under their own scopes: those rows hold band keys hashed with their scope (irreversibly), and a
    /// finished job's scope may already be pruned. Copying them into the dataset's scope makes the lookup the
    /// ordinary one — a handful of index probes a sample whatever the dataset holds — where reading candidates
    /// through `dataset_version_samples` would have to join every version's list at each check. The cost is
    /// paid once, at commit, linear in the version's size, a page of `maxBatch` samples at a time. A sample
    /// already recorded in the scope (by a job writing into the dataset, or an earlier version) is left as it
    /// is, and one duplicating a recorded sample is not recorded: the recorded one answers for both.
    public func recordVersion(_ versionID: UUID, of datasetID: UUID) throws(DatabaseError) {
        let datasets = DatasetStore(connection)
        var after = 0
        while true {
            let page = try datasets.textsPage(versionID: versionID, after: after, limit: Self.maxBatch)
            guard let last = page.last else { return }
            let samples = page.map { FingerprintedSample(id: $0.sampleID, text: $0.text) }
            _ = try checkAndRecord(samples, scope: .dataset(datasetID))
            after = last.position
        }
    }
}
