import Foundation
import Shared
import Testing

extension StackTests {
    /// The quality stages through the whole stack: enhanced jobs keep their count of good samples, duplicates
    /// from a model that repeats itself are rejected with their reasons, and the index keeps one of a pair.
    @Suite
    struct QualityPipelineTests {
        let api = APIClient()
        let fake = FakeProvider()

        private func samples(_ jobID: String, kept: Bool) throws -> [JSONValue] {
            try api.get("/api/jobs/\(jobID)/samples?kept=\(kept)&limit=1000")["samples"]?.arrayValue ?? []
        }

        @Test func anEnhancedJobThroughTheOfflineProviderKeepsItsCountOfGoodSamples() throws {
            let response = try api.post(
                "/api/generate-enhanced?sentiment_intensity=2&tone=frustrated&min_quality_score=0.6",
                ["product": "Wireless Earbuds", "count": 10, "template": "product_review"])
            #expect(response.status == 200, "\(response.json.jsonText)")
            let jobID = try #require(response["job_id"]?.stringValue)
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            #expect(job.json.samples.count == 10)
            let kept = try samples(jobID, kept: true)
            #expect(kept.count == 10)
            for sample in kept {
                #expect((sample["quality"]?["overall"]?.doubleValue ?? 0) >= 0.6, "\(sample.jsonText)")
                #expect(sample["metadata"]?["template"] == "product_review")
                #expect(sample["kept"] == true && sample["filter_reason"] == .null)
            }
            let stats = try #require(job["result"]?["metadata"]?["filter_stats"])
            #expect(stats["passed_filter"] == 10)
            #expect(stats["total_processed"]?.intValue == 10 + (try samples(jobID, kept: false)).count)
            let row = try #require(try TestStack.database().execute(
                Statement(
                    "sample columns",
                    """
                    SELECT count(*) FILTER (WHERE content_hash ~ '^[0-9a-f]{64}$' AND template = 'product_review'
                                            AND template_version = 'v1' AND quality ? 'overall') AS complete
                    FROM samples WHERE job_id = $1::uuid
                    """),
                [jobID]).first)
            #expect(try row.decode("complete", as: Int.self) == 10 + (try samples(jobID, kept: false)).count)
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func duplicatesOfAModelRepeatingItselfAreRejectedWithReasonsAndTheCountIsStillReached() throws {
            try fake.reset()
            try fake.configure(["repeat_rate": 0.4])
            defer { try? fake.reset() }
            // Seeded, so the model repeats itself the same way each run: an unseeded job could draw more
            // repeats than its replacements allow.
            let jobID = try api.submit(["product": "Echo Speaker", "count": 12, "provider": "openai", "seed": 7])
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            #expect(job.json.samples.count == 12, "the job makes replacements until it keeps its count")
            let texts = job.json.samples.compactMap { $0["text"]?.stringValue }
            #expect(Set(texts).count == 12)
            let rejected = try samples(jobID, kept: false)
            #expect(!rejected.isEmpty, "the fake repeated itself")
            let keptIDs = Set(try samples(jobID, kept: true).compactMap { $0["id"]?.stringValue })
            for sample in rejected {
                let reason = try #require(sample["reasons"]?.arrayValue?.first { reason in
                    ["duplicate", "near_duplicate"].contains(reason["code"]?.stringValue ?? "")
                }, "\(sample.jsonText)")
                #expect(keptIDs.contains(reason["duplicate_of"]?.stringValue ?? ""), "the original is a kept sample")
                if reason["code"] == "near_duplicate" {
                    #expect((reason["jaccard"]?.doubleValue ?? 0) >= 0.85)
                }
            }
            let stats = try api.get("/api/quality-stats?job_id=\(jobID)")["filter_stats"]
            #expect(stats?["failed_duplicate"]?.intValue == rejected.count)
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func ofTwoJobsWritingTheSameTextUnderTheGlobalScopeExactlyOneKeepsIt() throws {
            try fake.reset()
            try fake.configure(["repeat_rate": 1])
            defer { try? fake.reset() }
            // Every answer is the one text, exactly or with a word changed: globally, only the first is kept.
            let marker = UUID().uuidString.prefix(8)
            let ids = try (0..<2).map { index in
                try api.submit([
                    "product": .string("Global Kettle \(marker) \(index)"), "count": 1, "provider": "openai",
                    "dedup_scope": "global", "samples_per_call": 1,
                ])
            }
            for id in ids { _ = try api.waitUntilFinished(id, seconds: 60) }
            var kept: [JSONValue] = []
            var rejected: [JSONValue] = []
            for id in ids {
                kept += try samples(id, kept: true)
                rejected += try samples(id, kept: false)
            }
            // Other tests may already have recorded the fake's repeated text globally: then none is kept here.
            #expect(kept.count <= 1, "\(kept.map(\.jsonText))")
            #expect(!rejected.isEmpty)
            #expect(rejected.allSatisfy { $0["filter_reason"] == "duplicate" || $0["filter_reason"] == "near_duplicate" })
        }

        @Test(.enabled(if: FakeProvider.isRunning))
        func borderlineSamplesAreJudgedInBatchesAndTheJudgementIsStored() throws {
            try fake.reset()
            // A threshold near the fake's usual scores puts many samples within the judge's margin.
            let response = try api.post(
                "/api/generate-enhanced?min_quality_score=0.95",
                ["product": "Judged Blender", "count": 10, "provider": "openai", "template": "product_review"])
            #expect(response.status == 200, "\(response.json.jsonText)")
            let jobID = try #require(response["job_id"]?.stringValue)
            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(["completed"].contains(job["status"]?.stringValue ?? ""), "\(job.json.jsonText)")
            let all = try samples(jobID, kept: true) + samples(jobID, kept: false)
            let judged = all.filter { $0["quality"]?["coherence_source"] == "judge" }
            #expect(!judged.isEmpty, "some samples were borderline: \(all.map { $0["quality"]?.jsonText ?? "" })")
            #expect(judged.allSatisfy { $0["quality"]?["coherence"]?.doubleValue == 0.8 }, "the fake judges 0.8")
            let judgeCalls = try TestStack.calls(of: jobID).filter { $0.purpose == "judge" }
            #expect(!judgeCalls.isEmpty && judgeCalls.count <= (judged.count + 7) / 8 + 1, "several samples per call")
        }
    }
}
