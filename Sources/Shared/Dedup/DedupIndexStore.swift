#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Brings a dataset's de-duplication scope (`DedupScope.dataset`) up to its latest version, a page at a time,
/// and says how far it is; the caller decides the transaction.
///
/// Versions are brought in one after the other, in order: first the samples the parent held and the version
/// dropped are forgotten, then the version's samples are checked into the scope (a sample duplicating a
/// recorded one is not recorded: the recorded one answers for both; dropped samples go first, so a kept
/// sample that only duplicated a dropped one is recorded in its place). Samples that jobs with
/// `dedup_scope=dataset` recorded and no version has dropped stay, so jobs writing into the dataset
/// de-duplicate against each other too.
///
/// The samples are fingerprinted again from their stored texts rather than copied from the rows recorded
/// under their own scopes: those rows hold band keys hashed with their scope (irreversibly), and a finished
/// job's scope may already be pruned. The lookup then stays the ordinary one — a handful of index probes a
/// sample whatever the dataset holds.
public struct DedupIndexStore {
    /// The kind of the job that runs `indexNextPage` until the scope is current.
    public static let jobKind = "dataset_index"
    /// Samples a page: one `DedupStore` statement.
    public static let pageSize = DedupStore.maxBatch

    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Gives the dataset its progress row if it has none; call in the transaction of its first commit.
    public func track(datasetID: UUID) throws(DatabaseError) {
        try connection.execute(DedupIndexSQL.track, [datasetID])
    }

    /// Enqueues the `dataset_index` job of the dataset unless one is waiting to start already (it will see every
    /// version committed so far). Owned by no key: it serves whoever de-duplicates against the dataset, counts
    /// against no key's quota and is not a key's to cancel.
    /// Returns the job's id.
    @discardableResult
    public func requestIndexing(datasetID: UUID, maxAttempts: Int) throws(DatabaseError) -> UUID {
        if let row = try connection.execute(DedupIndexSQL.pendingJob, [datasetID, Self.jobKind]).first {
            return try row.decode("id")
        }
        return try JobStore(connection).enqueue(
            NewJob.datasetIndex(datasetID: datasetID, maxAttempts: maxAttempts, ownerKeyID: nil)).id
    }

    /// How far the dataset's scope is.
    public func state(datasetID: UUID) throws(DatabaseError) -> DedupIndexState {
        guard let row = try connection.execute(DedupIndexSQL.state, [datasetID]).first else {
            throw DatabaseError(.unexpectedResult, message: "no index state", statement: DedupIndexSQL.state.name)
        }
        return try DedupIndexState(row: row)
    }

    /// Does one page of the work left, inside the caller's transaction: locks the dataset's row (so pages of
    /// one dataset never interleave), reads its cursor, forgets or records up to `pageSize` samples and moves
    /// the cursor past them. A rollback leaves cursor and scope as they were, so the next page redoes it.
    /// `.busy` when another transaction holds the row.
    public func indexNextPage(datasetID: UUID) throws(DatabaseError) -> DedupIndexPage {
        // A dataset whose versions were written without a row (by SQL, or by an older API) gets one here.
        try track(datasetID: datasetID)
        guard let row = try connection.execute(DedupIndexSQL.lockState, [datasetID]).first else { return .busy }
        let state = try DedupIndexState(row: row)
        let cursor: DedupIndexState.Cursor
        if let current = state.cursor {
            cursor = current
        } else if !state.isCurrent {
            cursor = .init(version: state.indexedVersion + 1, phase: .forget, after: 0)
        } else {
            return .idle
        }
        let datasets = DatasetStore(connection)
        guard let version = try datasets.version(datasetID: datasetID, number: cursor.version) else {
            throw DatabaseError(
                .unexpectedResult, message: "dataset version \(cursor.version) not found",
                statement: DedupIndexSQL.lockState.name)
        }
        let scope = DedupScope.dataset(datasetID)
        if cursor.phase == .forget, let number = version.parentVersion,
            let parent = try datasets.version(datasetID: datasetID, number: number) {
            let rows = try datasets.textsPage(
                versionID: parent.id, droppedBy: version.id, after: cursor.after, limit: Self.pageSize)
            if let last = rows.last {
                try DedupStore(connection).forget(Self.fingerprinted(rows), scope: scope)
                try advance(
                    datasetID, indexed: state.indexedVersion,
                    to: .init(version: version.version, phase: .forget, after: last.position))
                return DedupIndexPage(forgotten: rows.count)
            }
        }
        let after = cursor.phase == .record ? cursor.after : 0
        let rows = try datasets.textsPage(versionID: version.id, after: after, limit: Self.pageSize)
        if let last = rows.last {
            _ = try DedupStore(connection).checkAndRecord(Self.fingerprinted(rows), scope: scope)
            try advance(
                datasetID, indexed: state.indexedVersion,
                to: .init(version: version.version, phase: .record, after: last.position))
            return DedupIndexPage(recorded: rows.count)
        }
        try advance(datasetID, indexed: version.version, to: nil)
        return DedupIndexPage(completedVersion: version.version)
    }

    private func advance(_ datasetID: UUID, indexed: Int, to cursor: DedupIndexState.Cursor?) throws(DatabaseError) {
        try connection.execute(
            DedupIndexSQL.advance, [datasetID, indexed, cursor?.version, cursor?.phase.rawValue, cursor?.after])
    }

    private static func fingerprinted(_ rows: [(position: Int, sampleID: UUID, text: String)]) -> [FingerprintedSample] {
        rows.map { FingerprintedSample(id: $0.sampleID, text: $0.text) }
    }
}
