import Foundation
import Shared
import Testing

extension StackTests {
    /// The audit trail through the whole stack: a job's creation and end audited with their actors, the audit
    /// listing's filters and pages, the chain verified and a tampered row found, and the review of a job.
    @Suite(.serialized)
    struct AuditTests {
        let api = APIClient()

        static func isObject(_ value: JSONValue?) -> Bool {
            if case .object = value { return true }
            return false
        }

        /// The job's audit entries, in chain order.
        private func entries(of jobID: String) throws -> [JSONValue] {
            try #require(api.get("/api/audit?target_type=job&target=\(jobID)")["entries"]?.arrayValue)
        }

        @Test func aJobsCreationAndEndAreAuditedWithTheirActors() throws {
            let jobID = try api.submit(count: 2)
            #expect(try api.waitUntilFinished(jobID)["status"] == "completed")
            let audit = try entries(of: jobID)
            #expect(audit.compactMap { $0["action"]?.stringValue } == ["job.created", "job.completed"])
            let created = try #require(audit.first)
            #expect(created["actor"] == "api")
            #expect(created["request_id"]?.stringValue?.isEmpty == false)
            #expect(created["details"]?["params"]?["count"] == 2)
            let completed = try #require(audit.last)
            #expect(completed["actor"]?.stringValue?.hasPrefix("consumer:") == true)
            #expect(completed["details"]?["outcome"] == "completed")
            #expect(completed["details"]?["result"]?["totals"]?["samples"] == 2)
            #expect(completed["hash"]?.stringValue?.count == 64)
            // Empty only for the first row of its chain (one of 16, by the writing connection).
            #expect([0, 64].contains(completed["prev_hash"]?.stringValue?.count ?? -1))
            #expect((0..<16).contains(completed["chain"]?.intValue ?? -1))
        }

        @Test func aRetryIsNotAnEndButTheFailureAfterItIsAuditedByItsConsumer() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue(maxAttempts: 2)
            _ = try fixture.claim()
            #expect(try fixture.record(id, .retry(delaySeconds: 0, reason: "first failure")))
            #expect(try entries(of: id.sqlText).isEmpty)
            _ = try fixture.claim()
            #expect(try fixture.record(id, .retry(delaySeconds: 0, reason: "second failure")))
            let audit = try entries(of: id.sqlText)
            #expect(audit.map { $0["action"] } == ["job.failed"])
            #expect(audit.first?["actor"] == .string("consumer:" + fixture.owner))
            #expect(audit.first?["details"]?["attempt"] == 2)
            #expect(audit.first?["details"]?["error"]?.stringValue?.contains("second failure") == true)
        }

        @Test func aJobEndedByTheLeaseRescueIsAuditedByMaintenance() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue(maxAttempts: 1)
            let store = JobStore(fixture.database)
            #expect(try store.claimAvailable(queues: [fixture.queue], limit: 1, owner: fixture.owner, leaseSeconds: 0.05).count == 1)
            usleep(200_000)
            // A consumer's own sweep may get there first: the audit row is the same either way.
            _ = try store.rescueExpiredLeases()
            #expect(try fixture.job(id).state == .error)
            let audit = try entries(of: id.sqlText)
            #expect(audit.map { $0["action"] } == ["job.failed"])
            #expect(audit.first?["actor"] == "maintenance")
        }

        @Test func aCancelIsAuditedWithItsRequest() throws {
            // A job nothing runs yet: priority aside, cancelling at once usually finds it queued; either
            // kind of cancel is an audited mutation.
            let jobID = try api.submit(count: 50)
            #expect(try api.delete("/api/job/\(jobID)").status == 200)
            _ = try api.waitUntilFinished(jobID)
            let actions = try entries(of: jobID).compactMap { $0["action"]?.stringValue }
            #expect(actions.first == "job.created")
            #expect(actions.contains("job.cancelled") || actions.contains("job.cancel_requested"), "\(actions)")
        }

        @Test func theListingFiltersAndPagesInChainOrder() throws {
            let jobs = try (0..<3).map { _ in try api.submit(count: 1) }
            for job in jobs { _ = try api.waitUntilFinished(job) }
            let since = try #require(entries(of: jobs[0]).first?["at"]?.stringValue)

            var seen: [JSONValue] = []
            var after: Int?
            for _ in 0..<10 {
                let page = try api.get(
                    "/api/audit?action=job.created&actor=api&since=\(since)&limit=2" + (after.map { "&after=\($0)" } ?? ""))
                #expect(page.status == 200)
                let entries = try #require(page["entries"]?.arrayValue)
                #expect(entries.count <= 2)
                seen += entries
                guard let next = page["next_after"]?.intValue else { break }
                #expect(next == entries.last?["id"]?.intValue)
                after = next
            }
            let ids = seen.compactMap { $0["id"]?.intValue }
            #expect(ids == ids.sorted() && Set(ids).count == ids.count)
            #expect(seen.allSatisfy { $0["action"] == "job.created" && $0["actor"] == "api" })
            let targets = Set(seen.compactMap { $0["target"]?.stringValue })
            #expect(Set(jobs).isSubset(of: targets))

            let ended = try #require(api.get("/api/audit?actor=consumer:*&target=\(jobs[1])")["entries"]?.arrayValue)
            #expect(ended.map { $0["action"] } == ["job.completed"])
            let future = try api.get("/api/audit?since=2999-01-01T00:00:00Z")
            #expect(future["entries"]?.arrayValue?.isEmpty == true && future["next_after"] == .null)
            let until = try #require(api.get("/api/audit?until=\(since)&target=\(jobs[0])")["entries"]?.arrayValue)
            #expect(until.isEmpty)
        }

        @Test(arguments: ["since=yesterday", "after=-1", "limit=0", "limit=1001"])
        func aBadParameterIs422(query: String) throws {
            let response = try api.get("/api/audit?" + query)
            #expect(response.status == 422)
            #expect(response["detail"]?.arrayValue?.first?["loc"]?.arrayValue?.first == "query")
        }

        @Test func verifyHoldsAndFindsARowEditedBehindTheTriggers() throws {
            let jobID = try api.submit(count: 1)
            _ = try api.waitUntilFinished(jobID)
            let verified = try api.get("/api/audit/verify")
            #expect(verified.status == 200)
            #expect(verified["valid"] == true, "\(verified.json.jsonText)")
            #expect(verified["first_broken"] == .null)
            #expect((verified["rows"]?.intValue ?? 0) >= 2)

            let entry = try #require(entries(of: jobID).first)
            let id = try #require(entry["id"]?.intValue)
            let database = try TestStack.database()
            let tamper = Statement(
                "tamper",
                """
                UPDATE audit_log SET details = CASE WHEN $2 THEN details || '{"tampered": true}' ELSE details - 'tampered' END
                WHERE id = $1
                """)
            // As the owner, behind the append-only trigger; restored afterwards (other suites verify too).
            func edit(_ tampered: Bool) throws {
                try database.transaction { connection in
                    try connection.execute(Statement("off", "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"))
                    try connection.execute(tamper, [id, tampered])
                    try connection.execute(Statement("on", "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update"))
                }
            }
            try edit(true)
            let broken: APIResponse
            do {
                broken = try api.get("/api/audit/verify")
            } catch {
                try edit(false)
                throw error
            }
            try edit(false)
            #expect(broken["valid"] == false)
            #expect(broken["first_broken"]?["id"]?.intValue == id, "\(broken.json.jsonText)")
            #expect(broken["first_broken"]?["reason"] == "hash")
            #expect(try api.get("/api/audit/verify")["valid"] == true)
        }

        /// The audit's SQL helpers inline into the statements that call them: a function declared more
        /// immutable than its body is not inlined, and runs apart, parsed and planned again each transaction.
        @Test(arguments: [
            ("audit_log_row_hash(prev_hash, id, at, actor, action, subject_type, subject_id, request_id, details)",
             "sha256("),
            ("job_audit_details(action, 1, action, actor, details)", "jsonb_strip_nulls("),
            ("api_time(at)", "to_char("),
        ])
        func theAuditsSQLHelpersInline(call: String, body: String) throws {
            let rows = try TestStack.database().execute(Statement("plan", "EXPLAIN VERBOSE SELECT \(call) FROM audit_log"))
            let plan = try rows.map { row throws(DatabaseError) -> String in try row.decode("QUERY PLAN") }
            #expect(plan.joined().contains(body), "\(plan)")
            #expect(!plan.joined().contains(String(call.prefix { $0 != "(" }) + "("), "\(plan)")
        }

        /// What every review holds, whatever the pipeline.
        private func checkReview(_ review: APIResponse, jobID: String, samples: Int) throws {
            #expect(review.status == 200, "\(review.json.jsonText)")
            #expect(review["job_id"]?.stringValue == jobID)
            #expect(review["template"]?["name"] == "product_review")
            #expect(review["template"]?["version"]?.stringValue?.isEmpty == false)
            #expect(review["template"]?["hash"]?.stringValue?.count == 64)
            #expect(review["params"]?["product"] == "Wireless Earbuds")
            #expect(review["model"]?["model"]?.stringValue?.isEmpty == false)
            #expect(review["model"]?["temperature"]?.doubleValue != nil)
            let calls = try #require(review["calls"]?.arrayValue)
            #expect(!calls.isEmpty)
            for call in calls {
                for key in ["purpose", "tokens_in", "tokens_out", "cost_usd", "latency_ms", "status"] {
                    #expect(call[key] != nil && call[key] != .null, "call without \(key): \(call.jsonText)")
                }
            }
            let all = try #require(review["samples"]?.arrayValue)
            #expect(all.count >= samples)
            for sample in all {
                #expect(Self.isObject(sample["scores"]))
                #expect(["kept", "rejected"].contains(sample["decision"]?.stringValue ?? ""))
                #expect(sample["reasons"]?.arrayValue?.isEmpty == (sample["decision"] == "kept"))
            }
            let audit = try #require(review["audit"]?.arrayValue)
            #expect(audit.compactMap { $0["action"]?.stringValue } == ["job.created", "job.completed"])
        }

        @Test func theReviewOfAPlainJobHasEveryPart() throws {
            let jobID = try api.submit(count: 3, template: "product_review")
            #expect(try api.waitUntilFinished(jobID)["status"] == "completed")
            try checkReview(try api.get("/api/jobs/\(jobID)/review"), jobID: jobID, samples: 3)
        }

        @Test func theReviewOfAnAugmentedJobShowsLineage() throws {
            let response = try api.post(
                "/api/generate-augmented?augmentation_strategies=CDA&augment_ratio=1&enable_quality_filter=false",
                ["product": "Wireless Earbuds", "count": 2, "template": "product_review"])
            let jobID = try #require(response["job_id"]?.stringValue)
            #expect(try api.waitUntilFinished(jobID, seconds: 60)["status"] == "completed")
            let review = try api.get("/api/jobs/\(jobID)/review")
            try checkReview(review, jobID: jobID, samples: 2)
            let samples = review["samples"]?.arrayValue ?? []
            #expect(samples.contains { Self.isObject($0["lineage"]) }, "no variant with lineage")
        }

        @Test func theReviewOfAnUnknownJobIs404() throws {
            #expect(try api.get("/api/jobs/\(UUID().uuidString.lowercased())/review").status == 404)
        }
    }
}
