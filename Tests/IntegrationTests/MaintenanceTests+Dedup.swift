import Foundation
@testable import QueueConsumer
import Shared
import Testing

extension StackTests.MaintenanceTests {
    /// Only the rows of job scopes whose job finished more than the retention ago go, in bounded batches; a job
    /// finished lately, a job still queued and a dataset scope keep theirs.
    @Test func dedupRowsOfJobsFinishedPastTheRetentionAreDeletedInBatches() throws {
        let old = try insertHistoryRow(finishedAt: Date() - 30 * 3600)
        let recent = try insertHistoryRow(finishedAt: Date() - 3600)
        let queued = try QueueFixture().enqueue()
        let store = DedupStore(database)
        for scope in [DedupScope.job(old), .job(recent), .job(queued), .dataset(old)] {
            let samples = (0..<5).map { index in
                FingerprintedSample(id: UUID(), text: "sample \(index) of \(scope) " + UUID().uuidString)
            }
            #expect(try store.checkAndRecord(samples, scope: scope).allSatisfy { $0 == .unique })
        }

        var config = DedupJobScopePruner.Config()
        config.batches = BatchLimits(size: 2, maxBatches: 2)
        let pruner = DedupJobScopePruner(connection: database, config: config)
        #expect(try pruner.runOnce().deleted == 4, "two batches of two")
        #expect(try indexRows("job", old) == [1, 1], "one sample's rows left for the next pass")
        #expect(try pruner.runOnce().deleted == 1)
        #expect(try indexRows("job", old) == [0, 0])
        #expect(try pruner.runOnce().deleted == 0)
        #expect(try indexRows("job", recent) == [5, 5], "finished an hour ago")
        #expect(try indexRows("job", queued) == [5, 5], "not finished")
        #expect(try indexRows("dataset", old) == [5, 5], "a dataset scope is not a job's")

        let unbounded = DedupJobScopePruner(connection: database, config: .init())
        // Other finished jobs of the stack may have index rows too: at least the recent job's 5 go.
        #expect(try unbounded.runOnce(now: Date() + 24 * 3600).deleted >= 5, "a day later the recent job's go too")
        #expect(try indexRows("job", recent) == [0, 0])
    }

    /// The rows (dedup_exact, dedup_shingles) recorded under a scope.
    private func indexRows(_ kind: String, _ id: UUID) throws -> [Int] {
        let rows = try database.execute(
            Statement(
                "dedup rows of a scope",
                """
                SELECT (SELECT count(*) FROM dedup_exact WHERE scope_kind = $1 AND scope_id = $2) AS exact,
                       (SELECT count(*) FROM dedup_shingles WHERE scope_kind = $1 AND scope_id = $2) AS shingles
                """), [kind, id])
        let row = try #require(rows.first)
        return [try row.decode("exact", as: Int.self), try row.decode("shingles", as: Int.self)]
    }
}
