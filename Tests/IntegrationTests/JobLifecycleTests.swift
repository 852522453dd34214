import Foundation
import Shared
import Testing

extension StackTests {
    /// Jobs from submission to their end, through nginx, the handlers, the queue and the consumers.
    @Suite
    struct JobLifecycleTests {
        let api = APIClient()

        @Test func jobCompletesWithDistinctSamplesAboutTheProduct() throws {
            let submitted = try api.post("/api/generate", ["product": "Aurora Desk Lamp", "count": 12])
            #expect(submitted.status == 200)
            #expect(submitted["status"] == "pending")
            #expect(submitted["result"] == .null)
            let jobID = try #require(submitted["job_id"]?.stringValue)
            let job = try api.waitUntilFinished(jobID)
            #expect(job["status"] == "completed")
            #expect(job["progress"] == 100)
            let samples = job.json.samples
            #expect(samples.count == 12)
            #expect(job["result"]?["total_samples"] == 12)
            let texts = samples.compactMap { $0["text"]?.stringValue }
            #expect(Set(texts).count == 12)
            #expect(texts.allSatisfy { $0.contains("Aurora Desk Lamp") })
            let tokens = samples.compactMap { $0["tokens_estimated"]?.intValue }.reduce(0, +)
            #expect(job["result"]?["total_tokens_estimated"] == .int(tokens))
            #expect(samples.allSatisfy { $0["prompt_version"] == "v1" && $0["product"] == "Aurora Desk Lamp" })
            let created = try #require(RFC3339.parse(job["created_at"]?.stringValue ?? ""))
            let updated = try #require(RFC3339.parse(job["updated_at"]?.stringValue ?? ""))
            #expect(created <= updated)
            #expect(job["result"]?["metadata"]?["provider"] == "offline")
            #expect(job["result"]?["metadata"]?["llm_calls"] == 3, "12 samples at the default 5 a call")
        }

        @Test func finishedResultsAreServedFromNginxCacheAndUnfinishedOnesNever() throws {
            let jobID = try api.submit(count: 20)
            let early = try api.get("/api/result/\(jobID)")
            #expect(early["status"] != "completed")
            #expect(early.headers["x-cache"] != "HIT")
            let finished = try api.waitUntilFinished(jobID)
            #expect(finished["status"] == "completed")
            let again = try api.get("/api/result/\(jobID)")
            #expect(again.headers["x-cache"] == "HIT")
            #expect(again.json == finished.json)
        }

        @Test func everySampleAndCallIsStoredAndTheJobMovesToHistory() throws {
            let jobID = try api.submit(count: 4)
            _ = try api.waitUntilFinished(jobID)
            let database = try TestStack.database()
            let id = try #require(UUID(uuidString: jobID))
            let counts = try database.execute(
                Statement(
                    "lifecycle counts",
                    """
                    SELECT (SELECT count(*) FROM samples WHERE job_id = $1) AS samples,
                           (SELECT count(*) FROM llm_calls WHERE job_id = $1 AND status = 'ok') AS calls,
                           (SELECT count(*) FROM jobs WHERE id = $1) AS hot,
                           (SELECT count(*) FROM job_history WHERE id = $1 AND outcome = 'completed') AS finished,
                           (SELECT count(*) FROM audit_log WHERE subject_id = $1::text AND action = 'job.created') AS audited
                    """), [id])
            let row = try #require(counts.first)
            #expect(try row.decode("samples", as: Int.self) == 4)
            #expect(try row.decode("calls", as: Int.self) == 1, "4 samples fit one call")
            #expect(try row.decode("hot", as: Int.self) == 0)
            #expect(try row.decode("finished", as: Int.self) == 1)
            #expect(try row.decode("audited", as: Int.self) == 1)
        }

        @Test func backlogWithoutNotificationsDrainsWithoutWaitingForThePoll() throws {
            // Jobs inserted without a NOTIFY (as a restore or a bulk load would): consumers find them at their
            // next poll, then keep claiming while claims come back full instead of idling a poll each time.
            let database = try TestStack.database()
            let batch = "backlog-\(UInt32.random(in: 0...UInt32.max))"
            try database.execute(
                Statement(
                    "backlog", "INSERT INTO jobs (id, kind, params) SELECT gen_random_uuid(), 'noop', jsonb_build_object('batch', $1::text) FROM generate_series(1, 400)"),
                [batch])
            let remaining = Statement("backlog left", "SELECT count(*) AS n FROM jobs WHERE params->>'batch' = $1")
            let started = Date()
            var left = 400
            while left > 0 && Date().timeIntervalSince(started) < 30 {
                usleep(50_000)
                left = try database.execute(remaining, [batch]).first?.decode("n") ?? 0
            }
            #expect(left == 0)
            // Each claim stamps its jobs with its own start time; two consumers' claims in the same microsecond
            // are told apart by the consumer, named by the audit row of each job's end. Idling a poll (1 s) after
            // each full claim would space a consumer's claims a second apart: 3 consumers' claims would then span
            // about a third as many seconds as there were claims. Claiming again at once, they span a fraction
            // of that.
            let claims = try #require(
                try database.execute(
                    Statement(
                        "backlog claims",
                        """
                        SELECT count(DISTINCT (h.started_at, a.actor)) AS claims,
                               extract(epoch FROM max(h.started_at) - min(h.started_at))::float8 AS span
                        FROM job_history h
                        JOIN audit_log a ON a.subject_type = 'job' AND a.subject_id = h.id::text
                                        AND a.action = 'job.completed'
                        WHERE h.params->>'batch' = $1
                        """),
                    [batch]
                ).first)
            let count: Int = try claims.decode("claims")
            let span: Double = try claims.decode("span")
            #expect(count >= 400 / 8, "claims of at most a consumer's 8 slots")
            #expect(span < Double(count) / 3 / 2, "\(count) claims spanned \(span) s")
        }

        @Test func queuedJobIsCancelledAtOnce() throws {
            // A job scheduled an hour ahead stays queued whatever the consumers do.
            let id = UUID()
            let database = try TestStack.database()
            try database.execute(
                Statement(
                    "scheduled job",
                    """
                    INSERT INTO jobs (id, kind, params, run_at)
                    VALUES ($1, 'generate', '{"product":"Lamp","count":3,"version":"v1","temperature":0.7,
                            "template":"support_request"}', now() + interval '1 hour')
                    """), [id])
            #expect(try api.get("/api/result/\(id.sqlText)")["status"] == "pending")
            let cancelled = try api.delete("/api/job/\(id.sqlText)")
            #expect(cancelled.status == 200)
            #expect(cancelled["status"] == "cancelled")
            #expect(try api.get("/api/result/\(id.sqlText)")["status"] == "cancelled")
            let again = try api.delete("/api/job/\(id.sqlText)")
            #expect(again["status"] == "already_finished")
            #expect(again["message"] == "Job is already cancelled")
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func runningJobStopsBetweenSamplesAndKeepsPartialResults() throws {
            // Slow enough answers that the cancel lands mid-job however busy the machine is.
            let fake = FakeProvider()
            try fake.reset()
            try fake.configure(["latency_ms": 60])
            defer { try? fake.reset() }
            let jobID = try api.submit(["product": "Wireless Earbuds", "count": 50, "provider": "openai"])
            let running = try api.poll(jobID) { ($0["progress"]?.intValue ?? 0) >= 10 }
            #expect(running["status"] == "running")
            let cancel = try api.delete("/api/job/\(jobID)")
            #expect(cancel["status"] == "cancelled")
            let job = try api.waitUntilFinished(jobID)
            #expect(job["status"] == "cancelled")
            let kept = job.json.samples.count
            #expect(kept > 0 && kept < 50)
            usleep(300_000)
            let later = try api.get("/api/jobs/\(jobID)/samples?kept=true")
            #expect(later["samples"]?.arrayValue?.count == kept, "no sample is written after the job ended")
        }

        @Test func finishedJobCannotBeCancelled() throws {
            let jobID = try api.submit(count: 1)
            _ = try api.waitUntilFinished(jobID)
            let response = try api.delete("/api/job/\(jobID)")
            #expect(response.status == 200)
            #expect(response["status"] == "already_finished")
            #expect(response["message"] == "Job is already completed")
        }

        @Test func samplesEndpointListsStoredSamplesInOrder() throws {
            let jobID = try api.submit(count: 6, template: "product_review")
            _ = try api.waitUntilFinished(jobID)
            let page = try api.get("/api/jobs/\(jobID)/samples?limit=4&offset=2")
            #expect(page.status == 200)
            let indices = page["samples"]?.arrayValue?.compactMap { $0["idx"]?.intValue }
            #expect(indices == [2, 3, 4, 5])
            #expect(page["samples"]?.arrayValue?.allSatisfy { $0["kept"] == true && $0["kind"] == "product_review" } == true)
            #expect(try api.get("/api/jobs/\(jobID)/samples?kept=maybe").status == 422)
        }

        @Test func jobListPagesNewestFirstWithoutRepeats() throws {
            for _ in 0..<3 { _ = try api.submit(count: 1) }
            let first = try api.get("/api/jobs?limit=2")
            #expect(first.status == 200)
            let firstIDs = first["jobs"]?.arrayValue?.compactMap { $0["job_id"]?.stringValue } ?? []
            #expect(firstIDs.count == 2)
            let cursor = try #require(first["next_cursor"]?.stringValue)
            let second = try api.get("/api/jobs?limit=2&cursor=\(cursor)")
            let secondIDs = second["jobs"]?.arrayValue?.compactMap { $0["job_id"]?.stringValue } ?? []
            #expect(secondIDs.count == 2)
            #expect(Set(firstIDs).isDisjoint(with: secondIDs))
            let completed = try api.get("/api/jobs?status=completed&limit=100")
            #expect(completed["jobs"]?.arrayValue?.allSatisfy { $0["status"] == "completed" } == true)
            #expect(try api.get("/api/jobs?status=bogus").status == 422)
            #expect(try api.get("/api/jobs?limit=0").status == 422)
        }
    }
}
