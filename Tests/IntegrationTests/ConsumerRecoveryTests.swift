import Foundation
import Shared
import Testing

extension StackTests {
    /// Consumers keep every call they paid for and every job's attempts through database failures: a killed
    /// connection, a statement that fails, a job that retries while answers are in flight.
    @Suite(.enabled(if: FakeProvider.isRunning))
    struct ConsumerRecoveryTests {
        let api = APIClient()
        let fake = FakeProvider()

        init() throws { try fake.reset() }

        /// Makes the next sample insert fail once, as a statement error (not a lost connection) would.
        private static let failNextSampleInsert = """
            CREATE SEQUENCE test_sample_failures;
            CREATE FUNCTION test_fail_sample_insert_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('test_sample_failures') = 1 THEN RAISE EXCEPTION 'injected sample insert failure'; END IF;
                RETURN NULL;
            END $$;
            CREATE TRIGGER test_fail_sample_insert_once BEFORE INSERT ON samples
                FOR EACH STATEMENT EXECUTE FUNCTION test_fail_sample_insert_once();
            """
        private static let removeFailure = """
            DROP TRIGGER IF EXISTS test_fail_sample_insert_once ON samples;
            DROP FUNCTION IF EXISTS test_fail_sample_insert_once();
            DROP SEQUENCE IF EXISTS test_sample_failures;
            """

        @Test func jobsSurviveAKilledConnectionAndAFailingStatementWithoutSpendingAttempts() throws {
            let database = try TestStack.database()
            try database.executeScript(Self.removeFailure, name: "remove failure")
            try database.executeScript(Self.failNextSampleInsert, name: "inject failure")
            defer { try? database.executeScript(Self.removeFailure, name: "remove failure") }
            try fake.configure(["latency_ms": 100])
            defer { try? fake.reset() }
            let ids = try (0..<3).map { index in
                try api.submit(["product": .string("Recovery Kettle \(index)"), "count": 12, "provider": "openai"])
            }
            let uuids = try ids.map { try #require(UUID(uuidString: $0)) }
            // Mid-run: samples are being stored and calls are in flight.
            let stored = Statement("stored", "SELECT count(*) AS n FROM samples WHERE job_id = ANY($1::uuid[])")
            let deadline = Date().addingTimeInterval(30)
            while try database.execute(stored, [uuids]).first?.decode("n", as: Int.self) ?? 0 < 3, Date() < deadline {
                usleep(20_000)
            }
            let killed = try database.execute(
                Statement(
                    "kill consumers' connections",
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) AS n FROM pg_stat_activity "
                        + "WHERE application_name = 'dataforge-consumer'"))
            #expect(try killed.first?.decode("n", as: Int.self) ?? 0 > 0)

            for id in ids {
                let job = try api.waitUntilFinished(id, seconds: 60)
                #expect(job["status"] == "completed", "\(job.json.jsonText)")
                #expect(job.json.samples.count == 12)
                #expect(job["result"]?["metadata"]?["cost_usd"]?.doubleValue == (try TestStack.costSum(of: id)))
            }
            let failures = try database.execute(
                Statement("failures injected", "SELECT last_value, is_called FROM test_sample_failures"))
            #expect(try failures.first?.decode("is_called", as: Bool.self) == true, "the injected failure happened")
            let attempts = try database.execute(
                Statement("attempts", "SELECT max(attempt) AS most FROM job_history WHERE id = ANY($1::uuid[])"), [uuids])
            #expect(try attempts.first?.decode("most", as: Int.self) == 1, "no job spent an attempt")
            // Every request the provider answered has its record.
            let recorded = try database.execute(
                Statement("calls recorded", "SELECT count(*) AS n FROM llm_calls WHERE job_id = ANY($1::uuid[])"), [uuids])
            #expect(try recorded.first?.decode("n", as: Int.self) == (try fake.requestsTotal()))
            // The server's notice of the killed session went through the JSON log like every other line.
            let logs = try FileManager.default.contentsOfDirectory(atPath: TestStack.home + "/log")
                .filter { $0.hasPrefix("consumer-") }
            let lines = try logs.flatMap { name in
                try String(contentsOfFile: TestStack.home + "/log/" + name, encoding: .utf8).split(separator: "\n")
            }
            #expect(lines.contains { $0.contains("terminating connection due to administrator command") })
            #expect(lines.allSatisfy { (try? JSONValue(parsing: Array($0.utf8))) != nil }, "every log line is JSON")
        }

        @Test func everyAnswerPaidForIsStoredEvenWhenItsJobRetries() throws {
            // Half the calls fail: samples exhaust their three tries and jobs retry while others' answers are
            // still in flight.
            try fake.configure(["fault_rate": 0.5, "faults": ["500"], "latency_ms": 20])
            defer { try? fake.reset() }
            let ids = try (0..<4).map { index in
                try api.submit([
                    "product": .string("Flaky Blender \(index)"), "count": 12, "provider": "openai", "samples_per_call": 1,
                ])
            }
            for id in ids {
                let job = try api.waitUntilFinished(id, seconds: 120)
                #expect(["completed", "error"].contains(job["status"]?.stringValue ?? ""), "\(job.json.jsonText)")
            }
            let uuids = try ids.map { try #require(UUID(uuidString: $0)) }
            let row = try #require(
                try TestStack.database().execute(
                    Statement(
                        "answers and samples",
                        """
                        SELECT (SELECT count(*) FROM llm_calls WHERE job_id = ANY($1::uuid[]) AND status = 'ok') AS answers,
                               (SELECT count(*) FROM samples WHERE job_id = ANY($1::uuid[])) AS samples,
                               (SELECT max(attempt) FROM job_history WHERE id = ANY($1::uuid[])) AS attempts
                        """),
                    [uuids]
                ).first)
            #expect(try row.decode("attempts", as: Int.self) > 1, "some job retried")
            #expect(try row.decode("answers", as: Int.self) == row.decode("samples", as: Int.self),
                    "each answer paid for is a stored sample, none paid twice")
        }

        @Test func aConsumerStoppedWithCallsThatNeverAnswerRecordsThemAndGivesTheJobBack() throws {
            try fake.configure(["fault_rate": 1, "faults": ["hang"], "hang_seconds": 20])
            defer { try? fake.reset() }
            let jobID = try api.submit(["product": "Silent Speaker", "count": 2, "provider": "openai"])
            let id = try #require(UUID(uuidString: jobID))
            let database = try TestStack.database()
            var consumer: ConsumerRecord?
            let deadline = Date().addingTimeInterval(10)
            while try consumer == nil || fake.stats()["in_flight"]?.intValue ?? 0 < 1, Date() < deadline {
                usleep(50_000)
                consumer = try ConsumerStore(database).find(workingOn: id)
            }
            let stopping = try #require(consumer)
            #expect(kill(pid_t(stopping.pid), SIGTERM) == 0)
            // Nothing answers the calls in flight; the job's next run is answered.
            try fake.configure(["fault_rate": 0])
            #expect(TestStack.exits(pid: stopping.pid, within: 20), "the consumer gives up its calls at the stop deadline")
            let abandoned = try TestStack.calls(of: jobID).filter { $0.status == "retryable" }
            #expect(!abandoned.isEmpty, "the calls it gave up on are recorded")

            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let attempts = try database.execute(Statement("attempts", "SELECT attempt FROM job_history WHERE id = $1"), [id])
            #expect(try attempts.first?.decode("attempt", as: Int.self) == 1, "giving the job back spent no attempt")
            #expect(TestStack.stackScript("up") == 0)
        }

        @Test func jobsRunningThroughADatabaseRestartCompleteWithoutSpendingAnAttempt() throws {
            try fake.configure(["latency_ms": 150])
            defer { try? fake.reset() }
            let ids = try (0..<3).map { index in
                try api.submit(["product": .string("Restart Toaster \(index)"), "count": 16, "provider": "openai"])
            }
            let uuids = try ids.map { try #require(UUID(uuidString: $0)) }
            let stored = Statement("stored", "SELECT count(*) AS n FROM samples WHERE job_id = ANY($1::uuid[])")
            let deadline = Date().addingTimeInterval(30)
            while try TestStack.database().execute(stored, [uuids]).first?.decode("n", as: Int.self) ?? 0 < 3,
                Date() < deadline
            {
                usleep(20_000)
            }
            #expect(TestStack.stackScript("restart-db") == 0)
            for id in ids {
                let job = try api.waitUntilFinished(id, seconds: 60)
                #expect(job["status"] == "completed", "\(job.json.jsonText)")
                #expect(job.json.samples.count == 16)
            }
            let attempts = try TestStack.database().execute(
                Statement("attempts", "SELECT max(attempt) AS most FROM job_history WHERE id = ANY($1::uuid[])"), [uuids])
            #expect(try attempts.first?.decode("most", as: Int.self) == 1, "the jobs resumed after the restart")
            #expect(try TestStack.database().execute(
                Statement("calls", "SELECT count(*) AS n FROM llm_calls WHERE job_id = ANY($1::uuid[])"), [uuids]
            ).first?.decode("n", as: Int.self) == (try fake.requestsTotal()), "no call record is missing")
        }

        @Test func aConsumerReapedFromTheRegistryRegistersAgainAtItsNextHeartbeat() throws {
            let database = try TestStack.database()
            // Only consumers still running can announce themselves: one an earlier test killed stays in the registry
            // until the reaper finds it.
            let reaped: [String] = try database.execute(
                Statement("reap live consumers", "DELETE FROM consumers WHERE stopped_at IS NULL RETURNING id, pid")
            ).filter { row in kill(pid_t(try row.decode("pid", as: Int.self)), 0) == 0 }.map { try $0.decode("id") }
            #expect(!reaped.isEmpty)
            let present = Statement("registered", "SELECT count(*) AS n FROM consumers WHERE id = ANY($1::text[])")
            let deadline = Date().addingTimeInterval(15)
            var back = 0
            while back < reaped.count, Date() < deadline {
                usleep(100_000)
                back = try database.execute(present, [reaped]).first?.decode("n") ?? 0
            }
            #expect(back == reaped.count, "every reaped consumer announced itself again")
        }

        @Test func aJobWhoseSamplesTheDatabaseKeepsRefusingEndsAsErrorAfterItsAttempts() throws {
            let database = try TestStack.database()
            let refuse = """
                CREATE FUNCTION test_refuse_unstorable() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.product = 'Unstorable Lamp' THEN RAISE EXCEPTION 'injected refusal'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER test_refuse_unstorable BEFORE INSERT ON samples
                    FOR EACH ROW EXECUTE FUNCTION test_refuse_unstorable();
                """
            let remove = """
                DROP TRIGGER IF EXISTS test_refuse_unstorable ON samples;
                DROP FUNCTION IF EXISTS test_refuse_unstorable();
                """
            try database.executeScript(remove, name: "remove refusal")
            try database.executeScript(refuse, name: "inject refusal")
            defer { try? database.executeScript(remove, name: "remove refusal") }
            let params = GenerationRequest(
                product: "Unstorable Lamp", count: 2, provider: "offline", model: "offline-v1").params
            let id = try JobStore(database).enqueue(NewJob(kind: "generate", params: params, maxAttempts: 2)).id
            let job = try api.waitUntilFinished(id.sqlText, seconds: 60)
            #expect(job["status"] == "error", "not given back forever: \(job.json.jsonText)")
            let errors = job["errors"]?.arrayValue ?? []
            #expect(errors.count == 2 && errors.allSatisfy {
                $0["message"]?.stringValue == "The database kept refusing to store this job's results"
            }, "\(errors)")
        }
    }
}
