import Foundation
import Shared
import Testing

/// A job in a queue of its own, which no consumer of the stack serves: the test plays the consumer through
/// `JobStore`, so it decides when the job is claimed and what each run ends with.
struct QueueFixture {
    let database: Connection
    let queue = "tests-\(UUID().uuidString.lowercased())"
    let owner = "test-consumer-\(UUID().uuidString.lowercased())"

    init() throws {
        database = try TestStack.database()
    }

    /// A fixture working through `database` (e.g. connected as one of the stack's database roles).
    init(database: Connection) {
        self.database = database
    }

    /// Enqueues a generation job allowed `maxAttempts` runs.
    func enqueue(maxAttempts: Int = 5) throws -> UUID {
        let params = GenerationRequest(product: "Queue Fixture Lamp", count: 3).params
        return try JobStore(database).enqueue(
            NewJob(kind: "generate", queue: queue, params: params, maxAttempts: maxAttempts)
        ).id
    }

    /// Claims the job as this fixture's consumer; returns it with the attempt the claim counted.
    func claim() throws -> ClaimedJob {
        let claimed = try JobStore(database).claimAvailable(queues: [queue], limit: 1, owner: owner, leaseSeconds: 60)
        return try #require(claimed.first)
    }

    /// Writes how the current run ended; true when the fixture still held the job.
    func record(_ id: UUID, _ outcome: JobOutcome) throws -> Bool {
        try JobStore(database).recordOutcomes([(id, outcome)], owner: owner).contains(id)
    }

    /// The job as the API's store reads it.
    func job(_ id: UUID) throws -> JobRecord {
        try #require(try JobStore(database).find(id))
    }

    /// `attempt` of the job's hot row or, once it finished, of its history row.
    func attempt(_ id: UUID) throws -> Int {
        let rows = try database.execute(
            Statement(
                "attempt of a job",
                "SELECT attempt FROM jobs WHERE id = $1 UNION ALL SELECT attempt FROM job_history WHERE id = $1"),
            [id])
        return try #require(rows.first).decode("attempt")
    }
}
