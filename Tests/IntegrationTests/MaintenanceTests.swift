import Foundation
import Logging
import Synchronization
@testable import QueueConsumer
import Shared
import Testing

extension StackTests {
    /// The maintenance tasks against the stack's database, each pass run by the test with the clock where
    /// the test wants it.
    @Suite
    struct MaintenanceTests {
        let database: Connection
        static let day = 86_400.0

        init() throws {
            database = try TestStack.database()
        }

        @Test func jobFinishedFourMonthsAheadLandsInItsOwnPartition() throws {
            let later = HistoryPartition(containing: Date()).advanced(by: 4).start.addingTimeInterval(9 * Self.day)
            let partition = HistoryPartition(containing: later)
            let maintainer = PartitionMaintainer(connection: database, config: .init())
            let counts = try maintainer.runOnce(now: later)
            #expect(counts.created.contains(partition), "\(counts.created.map(\.name))")
            let id = try insertHistoryRow(finishedAt: later)
            #expect(try partitionOf(id) == partition.name)
            #expect(try maintainer.runOnce(now: later).created.isEmpty, "a second pass finds nothing to do")
        }

        @Test func rowsInTheDefaultPartitionMoveIntoTheirMonthsNewPartition() throws {
            let far = HistoryPartition(containing: Date()).advanced(by: 12).start.addingTimeInterval(3 * Self.day)
            let partition = HistoryPartition(containing: far)
            let ids = [try insertHistoryRow(finishedAt: far), try insertHistoryRow(finishedAt: far + 3600)]
            #expect(try ids.map(partitionOf) == ["job_history_default", "job_history_default"])
            // The clock at today: the month is outside the window, and still gets its partition.
            let counts = try PartitionMaintainer(connection: database, config: .init()).runOnce()
            #expect(counts.created.contains(partition))
            #expect(counts.movedRows >= 2)
            #expect(try ids.map(partitionOf) == [partition.name, partition.name])
            let found = try database.execute(
                Statement("moved rows", "SELECT count(*) AS n FROM job_history WHERE id = ANY($1::uuid[])"), [ids])
            #expect(try found.first?.decode("n", as: Int.self) == 2, "moved, neither lost nor copied")
        }

        @Test func concurrentPassesCreateAMonthsPartitionExactlyOnce() throws {
            let partition = HistoryPartition(containing: Date()).advanced(by: 20)
            let id = try insertHistoryRow(finishedAt: partition.start.addingTimeInterval(Self.day))
            let answers = Mutex<[Int?]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                // -1 marks a pass that failed; nil one that found the partition made.
                let moved: Int?
                do {
                    moved = try JobStore(try TestStack.database()).createHistoryPartition(partition)
                } catch {
                    moved = -1
                }
                answers.withLock { $0.append(moved) }
            }
            let created = answers.withLock { $0 }
            #expect(created.filter { $0 != nil }.count == 1, "one creates it, the others find it: \(created)")
            #expect(created.contains(1), "the one that created it moved the row: \(created)")
            #expect(try partitionOf(id) == partition.name)
        }

        @Test func eventsPastTheirRetentionAreDeletedExceptThoseOfQueuedJobs() throws {
            let finished = UUID()
            let fixture = try QueueFixture()
            let queued = try fixture.enqueue()
            try insertEvent(jobID: finished, at: Date())
            try insertEvent(jobID: queued, at: Date())
            let pruner = EventPruner(connection: database, config: EventPruner.config())
            #expect(try eventCount(finished) == 1)
            _ = try pruner.runOnce(now: Date() + 6 * Self.day)
            #expect(try eventCount(finished) == 1, "fresh at six days")
            let counts = try pruner.runOnce(now: Date() + 8 * Self.day)
            #expect(counts.deleted >= 1)
            #expect(try eventCount(finished) == 0)
            #expect(try eventCount(queued) == 2, "the queued job keeps its stream (pending and the one added)")
        }

        @Test func callsPastTheirRetentionAreRolledUpIntoDailyAggregatesAndDeleted() throws {
            let model = "retention-\(UUID().uuidString.lowercased())"
            let old = Date() - 100 * Self.day
            try insertCall(model: model, status: "ok", tokensIn: 100, tokensOut: 50, cost: "0.0012500000", at: old)
            try insertCall(model: model, status: "ok", tokensIn: 200, tokensOut: 70, cost: "0.0000000001", at: old)
            try insertCall(model: model, status: "retryable", tokensIn: 0, tokensOut: 0, cost: "0", at: old)
            try insertCall(model: model, status: "ok", tokensIn: 7, tokensOut: 7, cost: "0.5", at: Date() - Self.day)

            let counts = try LLMCallPruner(connection: database, config: LLMCallPruner.config()).runOnce()
            #expect(counts.deleted >= 3)
            let left = try database.execute(
                Statement("calls left", "SELECT count(*) AS n FROM llm_calls WHERE model = $1"), [model])
            #expect(try left.first?.decode("n", as: Int.self) == 1, "the fresh call stays")
            let daily = try #require(
                try database.execute(
                    Statement(
                        "daily aggregate",
                        """
                        SELECT day::text AS day, calls, errors, tokens_in, tokens_out, cost_usd::text AS cost
                        FROM llm_call_daily WHERE provider = 'retention-test' AND model = $1
                        """), [model]
                ).first)
            #expect(try daily.decode("day", as: String.self) == String(RFC3339.format(old).prefix(10)))
            #expect(try daily.decode("calls", as: Int.self) == 3)
            #expect(try daily.decode("errors", as: Int.self) == 1)
            #expect(try daily.decode("tokens_in", as: Int.self) == 300)
            #expect(try daily.decode("tokens_out", as: Int.self) == 120)
            #expect(try daily.decode("cost", as: String.self) == "0.0012500001")
            let usage = try database.execute(
                Statement("usage view", "SELECT sum(calls) AS calls FROM llm_usage_daily WHERE model = $1"), [model])
            #expect(try usage.first?.decode("calls", as: Int.self) == 4, "the view adds rolled-up and live calls")
        }

        @Test func cachedAnswersExpireAfterTheirRetentionAndFreshOnesStay() throws {
            let key = "expiry-\(UUID().uuidString)"
            try database.execute(
                Statement(
                    "cache entry",
                    """
                    INSERT INTO llm_response_cache (fingerprint, provider, model, texts, tokens_in, tokens_out)
                    VALUES (sha256(convert_to($1, 'UTF8')), 'openai', 'gpt-4o-mini', '["an answer"]', 10, 5)
                    """), [key])
            let expirer = ResponseCacheExpirer(connection: database, config: ResponseCacheExpirer.config())
            _ = try expirer.runOnce(now: Date() + 29 * Self.day)
            #expect(try ResponseCacheStore(database).lookup([key]).count == 1, "fresh at 29 days")
            #expect(try expirer.runOnce(now: Date() + 31 * Self.day).deleted >= 1)
            #expect(try ResponseCacheStore(database).lookup([key]).isEmpty)
        }

        @Test func deadConsumersAndTheInFlightCountsOfConsumersNotLiveAreRemoved() throws {
            let tag = UUID().uuidString.lowercased()
            let silent = "silent-\(tag)", stoppedLongAgo = "stopped-\(tag)", justStopped = "just-stopped-\(tag)"
            let live = "live-\(tag)"
            try insertConsumer(silent, heartbeatAgo: 2 * Self.day, stoppedAgo: nil)
            try insertConsumer(stoppedLongAgo, heartbeatAgo: 2 * Self.day, stoppedAgo: 2 * Self.day)
            try insertConsumer(justStopped, heartbeatAgo: 60, stoppedAgo: 60)
            try insertConsumer(live, heartbeatAgo: 0, stoppedAgo: nil)

            let counts = try ConsumerReaper(connection: database, config: .init(staleSeconds: 30)).runOnce()
            #expect(counts.consumers >= 2 && counts.inFlight >= 3)
            let rows = try database.execute(
                Statement(
                    "consumers left",
                    """
                    SELECT c.id, (SELECT count(*) FROM rate_in_flight f WHERE f.consumer_id = c.id) AS in_flight
                    FROM consumers c WHERE c.id LIKE '%' || $1 ORDER BY c.id
                    """), [tag])
            let left = try rows.map { row in
                (try row.decode("id", as: String.self), try row.decode("in_flight", as: Int.self))
            }
            #expect(left.map(\.0) == [justStopped, live])
            #expect(left.map(\.1) == [0, 1], "only the live consumer keeps its count")
            let orphans = try database.execute(
                Statement("orphan counts", "SELECT count(*) AS n FROM rate_in_flight WHERE consumer_id LIKE '%' || $1"),
                [tag])
            #expect(try orphans.first?.decode("n", as: Int.self) == 1)
        }

        @Test func scheduleIsDueAtOnceAndThenAfterItsShortestInterval() throws {
            var schedule = MaintenanceSchedule(intervalSeconds: 5)
            #expect(schedule.nextDue <= .now)
            let before = ContinuousClock.now
            try schedule.runIfDue(connection: database, logger: Logger(label: "maintenance-tests"))
            #expect(schedule.nextDue >= before + .seconds(5))
            #expect(schedule.nextDue <= .now + .seconds(5))
        }

        // MARK: - Rows as other parts of the system write them

        func insertHistoryRow(finishedAt: Date) throws -> UUID {
            let id = UUID()
            try database.execute(
                Statement(
                    "history row",
                    """
                    INSERT INTO job_history (id, kind, queue, priority, params, attempt, max_attempts, outcome,
                                             progress, created_at, finished_at)
                    VALUES ($1, 'generate', 'generation', 100, '{}', 1, 5, 'completed', 100, $2, $2)
                    """), [id, finishedAt])
            return id
        }

        private func partitionOf(_ id: UUID) throws -> String {
            let rows = try database.execute(
                Statement(
                    "partition of a row", "SELECT tableoid::regclass::text AS partition FROM job_history WHERE id = $1"),
                [id])
            return try #require(rows.first).decode("partition")
        }

        private func insertEvent(jobID: UUID, at: Date) throws {
            try database.execute(
                Statement(
                    "event", "INSERT INTO job_events (job_id, at, kind, state) VALUES ($1, $2, 'state', 'completed')"),
                [jobID, at])
        }

        private func eventCount(_ jobID: UUID) throws -> Int {
            try database.execute(
                Statement("events of a job", "SELECT count(*) AS n FROM job_events WHERE job_id = $1"), [jobID]
            ).first?.decode("n") ?? -1
        }

        private func insertCall(model: String, status: String, tokensIn: Int, tokensOut: Int, cost: String, at: Date)
            throws
        {
            try database.execute(
                Statement(
                    "call record",
                    """
                    INSERT INTO llm_calls (purpose, provider, model, prompt_hash, status, tokens_in, tokens_out,
                                           cost_usd, latency_ms, created_at)
                    VALUES ('generation', 'retention-test', $1, 'hash', $2, $3, $4, $5::numeric, 12.5, $6)
                    """), [model, status, tokensIn, tokensOut, cost, at])
        }

        private func insertConsumer(_ id: String, heartbeatAgo: Double, stoppedAgo: Double?) throws {
            try database.execute(
                Statement(
                    "consumer",
                    """
                    WITH consumer AS (
                        INSERT INTO consumers (id, host, pid, queues, heartbeat_at, stopped_at)
                        VALUES ($1, 'test-host', 1, '{generation}', now() - make_interval(secs => $2),
                                now() - make_interval(secs => $3))
                    )
                    INSERT INTO rate_in_flight (provider, model, consumer_id, in_flight)
                    VALUES ('reaper-test', 'model', $1, 2)
                    """), [id, heartbeatAgo, stoppedAgo])
        }
    }
}
