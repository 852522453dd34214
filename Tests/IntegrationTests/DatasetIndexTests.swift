import Foundation
import Shared
import Testing

extension StackTests {
    /// A commit only enqueues a `dataset_index` job; a consumer brings the dataset's de-duplication scope up to
    /// its latest version a page at a time, and `dedup_scope=dataset` jobs wait for it.
    @Suite
    struct DatasetIndexTests {
        let api = APIClient()
        let fake = FakeProvider()

        /// Makes every page of every index job take at least `seconds` (the page's update of its cursor sleeps).
        private static func slowIndexPages(_ seconds: Double) -> String {
            """
            CREATE FUNCTION test_slow_index_page() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_sleep(\(seconds)); RETURN NEW; END $$;
            CREATE TRIGGER test_slow_index_page BEFORE UPDATE ON dataset_dedup_index
                FOR EACH ROW EXECUTE FUNCTION test_slow_index_page();
            """
        }
        private static let removeSlowPages = """
            DROP TRIGGER IF EXISTS test_slow_index_page ON dataset_dedup_index;
            DROP FUNCTION IF EXISTS test_slow_index_page();
            """

        /// Runs `body` with every index page slowed down to `seconds`.
        private func withSlowPages<T>(_ seconds: Double, _ body: () throws -> T) throws -> T {
            let database = try TestStack.database()
            try database.executeScript(Self.removeSlowPages, name: "remove slow pages")
            try database.executeScript(Self.slowIndexPages(seconds), name: "slow pages")
            defer { try? database.executeScript(Self.removeSlowPages, name: "remove slow pages") }
            return try body()
        }

        /// A finished job of `count` samples, given `padding` more kept samples of distinct texts, so its
        /// version takes several index pages (`DedupIndexStore.pageSize`).
        private func paddedJob(count: Int, padding: Int) throws -> String {
            let job = try api.submit(product: "Index Kettle \(UUID().uuidString.prefix(8))", count: count)
            #expect(try api.waitUntilFinished(job, seconds: 60)["status"] == "completed")
            try pad(job, padding)
            return job
        }

        private func pad(_ job: String, _ padding: Int) throws {
            let id = try #require(UUID(uuidString: job))
            try TestStack.database().execute(
                Statement(
                    "pad a job",
                    """
                    INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                                         temperature, text, tokens_estimated, provider, model)
                    SELECT s.job_id, 1000 + n, gen_random_uuid(), s.kind, s.product, s.template, s.template_version,
                           s.prompt_version, s.temperature,
                           'padding ' || md5($1::text || n) || ' ' || md5(n || $1::text) || ' ' || md5(n::text),
                           s.tokens_estimated, s.provider, s.model
                    FROM (SELECT * FROM samples WHERE job_id = $1 ORDER BY idx LIMIT 1) s, generate_series(1, $2) n
                    """),
                [id, padding])
        }

        private func createDataset() throws -> (name: String, id: UUID) {
            let name = "index-\(UUID().uuidString.prefix(8).lowercased())"
            let created = try api.post("/api/datasets", ["name": .string(name)])
            #expect(created.status == 201, "\(created.json.jsonText)")
            return (name, try #require(created["id"]?.stringValue.flatMap(UUID.init(uuidString:))))
        }

        private func commit(_ dataset: String, jobs: [String]) throws -> APIResponse {
            let committed = try api.post("/api/datasets/\(dataset)/versions", ["job_ids": .array(jobs.map(JSONValue.string))])
            #expect(committed.status == 201, "\(committed.json.jsonText)")
            return committed
        }

        /// Waits for the index job a commit enqueued; returns its last answer.
        private func waitForIndexJob(_ committed: APIResponse, seconds: Double = 90) throws -> APIResponse {
            let job = try #require(committed["dedup_index"]?["job_id"]?.stringValue)
            return try api.waitUntilFinished(job, seconds: seconds)
        }

        /// The samples recorded in the dataset's scope, by the job they come from.
        private func scopeCounts(_ datasetID: UUID) throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for row in try TestStack.database().execute(
                Statement(
                    "scope by job",
                    """
                    SELECT s.job_id::text AS job, count(*) AS n FROM dedup_exact x JOIN samples s ON s.id = x.sample_id
                    WHERE x.scope_kind = 'dataset' AND x.scope_id = $1 GROUP BY s.job_id
                    """),
                [datasetID])
            {
                counts[try row.decode("job", as: String.self)] = try row.decode("n", as: Int.self)
            }
            return counts
        }

        @Test func aCommitAnswersBeforeIndexingAndItsIndexJobRecordsTheVersion() throws {
            let job = try paddedJob(count: 2, padding: 2500)
            let dataset = try createDataset()
            let committed = try withSlowPages(0.3) {
                let committed = try commit(dataset.name, jobs: [job])
                #expect(committed["dedup_index"]?["indexed_version"] == 0)
                #expect(committed["dedup_index"]?["latest_version"] == 1)
                #expect(committed["dedup_index"]?["current"] == false)
                #expect(try api.get("/api/datasets/\(dataset.name)")["dedup_index"]?["current"] == false)
                return committed
            }
            let indexed = try waitForIndexJob(committed)
            #expect(indexed["status"] == "completed", "\(indexed.json.jsonText)")
            let metadata = indexed["result"]?["metadata"]
            #expect(metadata?["versions_indexed"] == [1], "\(indexed.json.jsonText)")
            #expect(metadata?["samples_recorded"]?.intValue == committed["sample_count"]?.intValue)

            let shown = try api.get("/api/datasets/\(dataset.name)")
            #expect(shown["dedup_index"] == ["indexed_version": 1, "latest_version": 1, "current": true])
            #expect(try api.get("/api/datasets/\(dataset.name)/versions/1")["dedup_index"]?["current"] == true)
            #expect(try api.get("/api/datasets/\(dataset.name)/versions")["versions"]?.arrayValue?.first?["dedup_index"]?["current"] == true)
            #expect(try scopeCounts(dataset.id)[job] ?? 0 >= 2500)
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func aJobDeduplicatingAgainstADatasetBehindItsIndexWaitsThenRejectsACommittedText() throws {
            try fake.reset()
            try fake.configure(["repeat_rate": 1])
            defer { try? fake.reset() }
            let marker = UUID().uuidString.prefix(8)
            let body: JSONObject = ["count": 1, "provider": "openai", "samples_per_call": 1]
            var firstBody = body
            firstBody["product"] = .string("Waiting Kettle \(marker) a")
            let first = try api.submit(.object(firstBody))
            #expect(try api.waitUntilFinished(first, seconds: 60)["status"] == "completed")
            let samples = try api.get("/api/jobs/\(first)/samples?kept=true&limit=10")["samples"]?.arrayValue ?? []
            let original = try #require(samples.first?["id"]?.stringValue)
            try pad(first, 2000)
            let dataset = try createDataset()

            let (committed, second) = try withSlowPages(0.5) {
                let committed = try commit(dataset.name, jobs: [first])
                var secondBody = body
                secondBody["product"] = .string("Waiting Kettle \(marker) b")
                secondBody["dedup_scope"] = "dataset"
                secondBody["dataset"] = .string(dataset.name)
                let second = try api.submit(.object(secondBody))
                // It is claimed and put back while the index is behind.
                let waiting = Statement(
                    "waiting events", "SELECT count(*) AS n FROM job_events WHERE job_id = $1 AND message = $2")
                let message = "waiting for the de-duplication index of dataset \(dataset.name) (version 1)"
                let id = try #require(UUID(uuidString: second))
                let deadline = Date().addingTimeInterval(20)
                var postponed = 0
                while postponed == 0, Date() < deadline {
                    usleep(100_000)
                    postponed = try TestStack.database().execute(waiting, [id, message]).first?.decode("n") ?? 0
                }
                #expect(postponed > 0, "the job was postponed while the index was behind")
                #expect(try api.get("/api/result/\(second)")["status"] != "completed")
                return (committed, second)
            }
            #expect(try waitForIndexJob(committed)["status"] == "completed")
            let job = try api.waitUntilFinished(second, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let rejected = try api.get("/api/jobs/\(second)/samples?kept=false&limit=100")["samples"]?.arrayValue ?? []
            let originals = rejected.compactMap { sample in
                sample["reasons"]?.arrayValue?.compactMap { $0["duplicate_of"]?.stringValue }.first
            }
            #expect(originals.contains(original), "\(rejected.map(\.jsonText))")
            let attempts = try TestStack.database().execute(
                Statement("attempts", "SELECT attempt FROM job_history WHERE id = $1"), [try #require(UUID(uuidString: second))])
            #expect(try attempts.first?.decode("attempt", as: Int.self) == 1, "waiting spent no attempt")
        }

        @Test func twoQuickCommitsEndWithTheIndexAtTheLatestVersionAndDroppedSamplesForgotten() throws {
            let dropped = try paddedJob(count: 2, padding: 1500)
            let kept = try api.submit(product: "Index Kettle \(UUID().uuidString.prefix(8)) kept", count: 3)
            #expect(try api.waitUntilFinished(kept, seconds: 60)["status"] == "completed")
            let dataset = try createDataset()
            let (first, second) = try withSlowPages(0.2) {
                (try commit(dataset.name, jobs: [dropped]), try commit(dataset.name, jobs: [kept]))
            }
            #expect(second["dedup_index"]?["latest_version"] == 2)
            for committed in [first, second] {
                let job = try waitForIndexJob(committed)
                #expect(job["status"] == "completed", "\(job.json.jsonText)")
            }
            #expect(try api.get("/api/datasets/\(dataset.name)")["dedup_index"]
                == ["indexed_version": 2, "latest_version": 2, "current": true])
            let counts = try scopeCounts(dataset.id)
            #expect(counts[dropped] == nil, "the samples version 2 dropped are forgotten: \(counts)")
            #expect(counts[kept] == second["sample_count"]?.intValue, "\(counts)")
        }

        @Test func aJobWaitingForAnIndexWhoseJobWasCancelledBringsANewOneAndRuns() throws {
            let job = try paddedJob(count: 1, padding: 2500)
            let dataset = try createDataset()
            let (cancelled, waiting) = try withSlowPages(0.5) {
                let committed = try commit(dataset.name, jobs: [job])
                let cancelled = try #require(committed["dedup_index"]?["job_id"]?.stringValue)
                #expect(try api.delete("/api/job/\(cancelled)").status == 200)
                #expect(try api.waitUntilFinished(cancelled, seconds: 30)["status"] == "cancelled")
                #expect(try api.get("/api/datasets/\(dataset.name)")["dedup_index"]?["current"] == false)
                let waiting = try api.submit(
                    .object([
                        "product": .string("Index Kettle \(UUID().uuidString.prefix(8)) waits"), "count": 1,
                        "dedup_scope": "dataset", "dataset": .string(dataset.name),
                    ]))
                return (cancelled, waiting)
            }
            let finished = try api.waitUntilFinished(waiting, seconds: 90)
            #expect(finished["status"] == "completed", "the wait ended: \(finished.json.jsonText)")
            #expect(try api.get("/api/datasets/\(dataset.name)")["dedup_index"]?["current"] == true)
            let replacements = try TestStack.database().execute(
                Statement(
                    "index jobs",
                    """
                    SELECT count(*) AS n FROM job_history
                    WHERE kind = 'dataset_index' AND params ->> 'dataset_id' = $1 AND id <> $2::uuid
                      AND outcome = 'completed' AND owner_key_id IS NULL
                    """),
                [dataset.id.sqlText, cancelled])
            #expect(try replacements.first?.decode("n", as: Int.self) ?? 0 >= 1, "the waiting job enqueued another")
        }

        @Test func anIndexJobWhoseConsumerIsKilledIsFinishedByAnother() throws {
            let job = try paddedJob(count: 1, padding: 4000)
            let dataset = try createDataset()
            let database = try TestStack.database()
            let committed = try withSlowPages(1) {
                let committed = try commit(dataset.name, jobs: [job])
                let indexJob = try #require(committed["dedup_index"]?["job_id"]?.stringValue.flatMap(UUID.init(uuidString:)))
                // Mid-version: some pages recorded, the cursor between them.
                let cursor = Statement(
                    "cursor", "SELECT after_position FROM dataset_dedup_index WHERE dataset_id = $1 AND phase = 'record'")
                var consumer: ConsumerRecord?
                var position = 0
                let deadline = Date().addingTimeInterval(30)
                while consumer == nil || position == 0, Date() < deadline {
                    usleep(100_000)
                    position = try database.execute(cursor, [dataset.id]).first?.decode("after_position") ?? 0
                    consumer = try ConsumerStore(database).find(workingOn: indexJob)
                }
                #expect(position > 0)
                let killed = try #require(consumer, "a consumer runs the index job")
                #expect(kill(pid_t(killed.pid), SIGKILL) == 0)
                #expect(TestStack.exits(pid: killed.pid, within: 10))
                return committed
            }
            let indexed = try waitForIndexJob(committed, seconds: 120)
            #expect(indexed["status"] == "completed", "\(indexed.json.jsonText)")
            #expect(try api.get("/api/datasets/\(dataset.name)")["dedup_index"]?["current"] == true)
            #expect(try scopeCounts(dataset.id)[job] ?? 0 >= 4000, "every sample is recorded once the job resumed")
            #expect(TestStack.stackScript("up") == 0)
        }
    }
}
