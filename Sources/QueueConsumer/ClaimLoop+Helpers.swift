import Shared
import Logging

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ClaimLoop {
    func inTransaction(_ body: () throws(DatabaseError) -> Void) throws(DatabaseError) {
        do {
            try connection.transaction { _ in try body() }
        } catch let error as DatabaseError {
            throw error
        } catch {
            throw DatabaseError(.connection, message: "\(error)", statement: "transaction")
        }
    }

    /// One line per job at debug, and one per batch at info (naming the job when there is only one), so a
    /// batch of thousands of tiny jobs does not spend its time logging.
    func logOutcomes(_ outcomes: [(UUID, JobOutcome)]) {
        var counts: [String: Int] = [:]
        for (id, outcome) in outcomes {
            counts[outcome.name, default: 0] += 1
            logger.debug("job finished", metadata: ["job_id": .string(id.sqlText), "outcome": .string(outcome.name)])
        }
        guard let (id, outcome) = outcomes.first else { return }
        if outcomes.count == 1 {
            logger.info("job finished", metadata: ["job_id": .string(id.sqlText), "outcome": .string(outcome.name)])
        } else {
            logger.info("batch finished", metadata: counts.mapValues { .stringConvertible($0) })
        }
    }

    func sleepBriefly() {
        var delay = timespec(tv_sec: 1, tv_nsec: 0)
        nanosleep(&delay, nil)
    }
}
