import Foundation
import Shared
import Testing

extension StackTests {
    /// `GET /api/quality-stats` and the samples listing over samples stored with the pipeline's decisions.
    @Suite
    struct QualityStatsTests {
        let api = APIClient()

        static let insert = Statement(
            "insert a decided sample",
            """
            INSERT INTO samples (job_id, idx, id, kind, product, template, template_version, prompt_version,
                                 temperature, text, tokens_estimated, provider, model, quality, kept, filter_reason)
            VALUES ($1, $2, $3, 'support_request', 'Desk', $4, 'v1', 'v1', 0.7, $5, 10, 'offline', 'offline-v1',
                    $6, $7, $8)
            """)

        /// A job no consumer serves, with five samples: one kept and four rejected for the reasons given.
        private func makeFixture() throws -> (job: UUID, template: String, original: UUID) {
            let fixture = try QueueFixture()
            let job = try fixture.enqueue()
            let template = "stats_\(UUID().uuidString.lowercased())"
            let original = UUID()
            let rows: [(JSONValue, Bool, String?)] = [
                (["overall": 0.8, "length": 1.0, "grammar": 0.9], true, nil),
                (
                    ["overall": 0.3, "length": 0.1, "reasons": [["code": "too_short"], ["code": "below_threshold"]]],
                    false, "too_short,below_threshold,low_length"
                ),
                (
                    [
                        "overall": 0.7,
                        "reasons": [["code": "near_duplicate", "duplicate_of": .string(original.sqlText), "jaccard": 0.91]],
                    ], false, "near_duplicate"
                ),
                (["overall": 0.5, "pii": ["email"]], false, "duplicate,contains_pii"),
                (["overall": 0.7, "grammar": 0.2], false, "low_grammar"),
            ]
            for (index, (quality, kept, reason)) in rows.enumerated() {
                try fixture.database.execute(
                    Self.insert,
                    [job, index, index == 0 ? original : UUID(), template, "sample \(index)", quality, kept, reason])
            }
            return (job, template, original)
        }

        @Test func statsCountEachFailureGroupOnceASampleFromTheDatabase() throws {
            let (job, template, _) = try makeFixture()
            for query in ["job_id=\(job.sqlText)", "template=\(template)"] {
                let response = try api.get("/api/quality-stats?" + query)
                #expect(response.status == 200, "\(query)")
                #expect(RFC3339.parse(response["timestamp"]?.stringValue ?? "") != nil)
                let stats = try #require(response["filter_stats"])
                #expect(stats["total_processed"] == 5)
                #expect(stats["passed_filter"] == 1)
                #expect(stats["failed_length"] == 1)
                #expect(stats["failed_quality"] == 2)
                #expect(stats["failed_duplicate"] == 2)
                #expect(stats["failed_pii"] == 1)
                #expect(stats["pass_rate"] == 0.2)
                #expect(stats["duplicate_rate"] == 0.4)
                #expect(
                    stats["by_reason"]
                        == [
                            "below_threshold": 1, "contains_pii": 1, "duplicate": 1, "low_grammar": 1, "low_length": 1,
                            "near_duplicate": 1, "too_short": 1,
                        ])
                let overall = try #require(stats["mean_scores"]?["overall"]?.doubleValue)
                #expect(abs(overall - 0.6) < 1e-9)
                #expect(stats["mean_scores"]?["grammar"]?.doubleValue.map { abs($0 - 0.55) < 1e-9 } == true)
                #expect(stats["mean_scores"]?["coherence"] == .null)
            }
        }

        @Test func statsOverAllJobsIncludeTheseSamples() throws {
            _ = try makeFixture()
            let stats = try #require(try api.get("/api/quality-stats")["filter_stats"])
            #expect((stats["total_processed"]?.intValue ?? 0) >= 5)
            #expect((stats["failed_duplicate"]?.intValue ?? 0) >= 2)
            let rate = try #require(stats["pass_rate"]?.doubleValue)
            #expect(rate >= 0 && rate <= 1)
        }

        @Test func anUnknownTemplateHasNothingProcessedAndRatesOfZero() throws {
            let stats = try #require(try api.get("/api/quality-stats?template=no_such_template")["filter_stats"])
            #expect(stats["total_processed"] == 0)
            #expect(stats["pass_rate"] == 0.0)
            #expect(stats["duplicate_rate"] == 0.0)
            #expect(stats["by_reason"] == [:])
        }

        @Test(arguments: ["00000000-0000-0000-0000-000000000000", "not-a-uuid"])
        func statsOfAnUnknownJobAre404(id: String) throws {
            let response = try api.get("/api/quality-stats?job_id=\(id)")
            #expect(response.status == 404)
            #expect(response["detail"] == .string("Job \(id) not found"))
        }

        @Test func rejectedSamplesAreListedWithTheirReasons() throws {
            let (job, _, original) = try makeFixture()
            let rejected = try api.get("/api/jobs/\(job.sqlText)/samples?kept=false")
            #expect(rejected.status == 200)
            let samples = rejected["samples"]?.arrayValue ?? []
            #expect(samples.map { $0["idx"] } == [1, 2, 3, 4])
            #expect(samples.allSatisfy { $0["kept"] == false })
            #expect(samples.first?["filter_reason"] == "too_short,below_threshold,low_length")
            #expect(samples.first?["quality"]?["overall"] == 0.3)
            #expect(samples.first?["reasons"]?.arrayValue?.compactMap { $0["code"] } == ["too_short", "below_threshold"])
            let nearDuplicate = samples.dropFirst().first?["reasons"]?.arrayValue?.first
            #expect(nearDuplicate?["duplicate_of"] == .string(original.sqlText))
            #expect(nearDuplicate?["jaccard"] == 0.91)
            #expect(samples.last?["reasons"] == [])
            let kept = try api.get("/api/jobs/\(job.sqlText)/samples?kept=TRUE")["samples"]?.arrayValue ?? []
            #expect(kept.map { $0["idx"] } == [0])
            #expect(kept.first?["filter_reason"] == .null)
            let page = try api.get("/api/jobs/\(job.sqlText)/samples?kept=false&limit=2&offset=1")
            #expect(page["samples"]?.arrayValue?.map { $0["idx"] } == [2, 3])
        }

        @Test(arguments: ["maybe", "t", "2"])
        func aBadKeptValueIs422OnTheQuery(value: String) throws {
            let (job, _, _) = try makeFixture()
            let response = try api.get("/api/jobs/\(job.sqlText)/samples?kept=\(value)")
            #expect(response.status == 422)
            #expect(response["detail"]?.arrayValue?.first?["loc"] == ["query", "kept"])
            #expect(response["detail"]?.arrayValue?.first?["type"] == "bool_parsing")
        }
    }
}
