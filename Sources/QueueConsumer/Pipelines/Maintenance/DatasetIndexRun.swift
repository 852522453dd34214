import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A `dataset_index` job: brings a dataset's de-duplication scope up to its latest version, one page a step
/// (`DedupIndexStore.indexNextPage`), and completes once a page finds nothing left to do.
///
/// The cursor lives in the dataset's row, moved in the page's transaction: a killed consumer's successor
/// resumes where it stopped, and two jobs of one dataset (two quick commits) take turns on the row's lock,
/// the second completing when it finds the first did its work.
final class DatasetIndexRun: DatabaseRun {
    let job: ClaimedJob
    let datasetID: UUID
    private(set) var end: RunEnd?
    private var versions: [Int] = []
    private var forgotten = 0
    private var recorded = 0

    init(job: ClaimedJob, datasetID: UUID) {
        self.job = job
        self.datasetID = datasetID
        if job.cancelRequested { end = .cancelled }
    }

    var isStepDue: Bool { end == nil }

    func step(_ connection: Connection) throws(DatabaseError) {
        guard end == nil else { return }
        let page: DedupIndexPage
        do {
            page = try connection.transaction { connection in
                try DedupIndexStore(connection).indexNextPage(datasetID: datasetID)
            }
        } catch let error as DatabaseError where error.isConnectionFailure {
            throw error
        } catch let error as DatabaseError
            where error.sqlState == .deadlockDetected || error.sqlState == .serializationFailure
        {
            // Lost a race with another writer of the scope (its locks, taken in another order): not this job's
            // failure, so no attempt is spent.
            end = .postpone(delaySeconds: Self.busyDelaySeconds, reason: "de-duplication index page lost a lock race")
            return
        } catch let error as DatabaseError {
            // Spends an attempt: a page that keeps failing ends the job rather than the loop retrying it forever.
            let statement = error.statement.map { " (\($0))" } ?? ""
            end = .retry(
                delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: job.attempt),
                reason: "de-duplication index page failed\(statement)")
            return
        } catch {
            end = .retry(delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: job.attempt), reason: "\(error)")
            return
        }
        forgotten += page.forgotten
        recorded += page.recorded
        if let version = page.completedVersion { versions.append(version) }
        if page.isIdle { end = .completed }
        // Another job of the dataset is on a page: come back rather than wait, and take over or find it done.
        if page.isBusy { end = .postpone(delaySeconds: Self.busyDelaySeconds, reason: "another job is indexing the dataset") }
    }

    static let busyDelaySeconds = 1.0

    var progress: Int { 0 }

    func cancel() {
        if end == nil { end = .cancelled }
    }

    func stop() {
        if end == nil { end = .postpone(delaySeconds: 0, reason: "consumer stopped") }
    }

    /// What this run indexed, under `metadata` as the job views show it (an earlier, interrupted run's pages
    /// are not counted).
    func result(_ connection: Connection) -> JSONValue {
        [
            "metadata": [
                "dataset_id": .string(datasetID.sqlText), "versions_indexed": .array(versions.map(JSONValue.int)),
                "samples_recorded": .int(recorded), "samples_forgotten": .int(forgotten),
            ]
        ]
    }
}
