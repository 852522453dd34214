#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DedupStore {
    /// Makes `DedupScope.dataset(datasetID)` answer for a just committed `version`, the dataset's latest: the
    /// samples of the previous version that it dropped are removed from the scope, then its samples recorded
    /// there. Call in the commit's transaction. Samples that jobs with `dedup_scope=dataset` recorded and no
    /// version has dropped stay, so jobs writing into the dataset de-duplicate against each other too.
    ///
    /// The version's samples are fingerprinted again from their stored texts rather than copied from the rows
    /// recorded under their own scopes: those rows hold band keys hashed with their scope (irreversibly), and a
    /// finished job's scope may already be pruned. Copying them into the dataset's scope keeps the lookup the
    /// ordinary one — a handful of index probes a sample whatever the dataset holds — where reading candidates
    /// through `dataset_version_samples` would join the version's list at every check. The cost is paid once,
    /// at commit, linear in the two versions' sizes, `maxBatch` samples a page, never a whole version in
    /// memory. A sample already recorded in the scope is left as it is, and one duplicating a recorded sample
    /// is not recorded: the recorded one answers for both (dropped samples go first, so a kept sample that
    /// only duplicated a dropped one is recorded in its place).
    public func recordVersion(_ version: DatasetVersion, of datasetID: UUID) throws(DatabaseError) {
        let datasets = DatasetStore(connection)
        let scope = DedupScope.dataset(datasetID)
        if let number = version.parentVersion, let parent = try datasets.version(datasetID: datasetID, number: number) {
            try forEachPage({ after throws(DatabaseError) in
                try datasets.textsPage(versionID: parent.id, droppedBy: version.id, after: after, limit: Self.maxBatch)
            }) { samples throws(DatabaseError) in try forget(samples, scope: scope) }
        }
        try forEachPage({ after throws(DatabaseError) in
            try datasets.textsPage(versionID: version.id, after: after, limit: Self.maxBatch)
        }) { samples throws(DatabaseError) in _ = try checkAndRecord(samples, scope: scope) }
    }

    /// Removes samples from `scope`, if they are recorded there.
    ///
    /// Takes none of the locks `checkAndRecord` takes: a writer checking a sample at the same moment may still
    /// name a removed sample as its original, as it would have a moment earlier.
    public func forget(_ samples: [FingerprintedSample], scope: DedupScope) throws(DatabaseError) {
        _ = try connection.execute(
            DedupSQL.forget, [scope.kind, scope.id, samples.map(\.id), samples.map(\.fingerprint.contentHash)])
    }

    /// Calls `body` with each page `page(after)` returns, fingerprinted, until one is empty.
    private func forEachPage(
        _ page: (Int) throws(DatabaseError) -> [(position: Int, sampleID: UUID, text: String)],
        _ body: ([FingerprintedSample]) throws(DatabaseError) -> Void
    ) throws(DatabaseError) {
        var after = 0
        while true {
            let rows = try page(after)
            guard let last = rows.last else { return }
            try body(rows.map { FingerprintedSample(id: $0.sampleID, text: $0.text) })
            after = last.position
        }
    }
}
