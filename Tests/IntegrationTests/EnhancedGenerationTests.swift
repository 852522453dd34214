import Foundation
import Shared
import Testing

extension StackTests {
    /// `POST /api/generate-enhanced` through nginx: its query controls end up in the job's params, bad ones
    /// are a 422 naming the query field, and `/api/config` describes them.
    @Suite
    struct EnhancedGenerationTests {
        let api = APIClient()

        private func params(of response: APIResponse) throws -> JSONValue {
            let id = try #require(response["job_id"]?.stringValue.flatMap { UUID(text: $0) })
            return try #require(try JobStore(TestStack.database()).find(id)).params
        }

        @Test func everyControlIsAcceptedAndStoredInTheJobsParams() throws {
            let query = "sentiment_intensity=2&tone=Very%20polite%21&enable_few_shot=OFF&enable_quality_filter=no"
                + "&min_quality_score=0.75"
            let response = try api.post(
                "/api/generate-enhanced?" + query,
                [
                    "product": "Standing Desk", "count": 1, "min_words": 20, "max_words": 60,
                    "constraints": ["mention the delivery <time>"], "dedup_scope": "global",
                ])
            #expect(response.status == 200)
            #expect(response["status"] == "pending")
            let params = try params(of: response)
            #expect(params["product"] == "Standing Desk")
            #expect(params["sentiment_intensity"] == 2)
            #expect(params["tone"] == "Very polite")
            #expect(params["few_shot"] == false)
            #expect(params["quality_filter"] == false)
            #expect(params["min_quality_score"] == 0.75)
            #expect(params["min_words"] == 20)
            #expect(params["max_words"] == 60)
            #expect(params["constraints"] == ["mention the delivery time"])
            #expect(params["dedup_scope"] == "global")
        }

        @Test func enhancedFiltersOnQualityByDefaultAndPlainGenerationDoesNot() throws {
            let enhanced = try params(of: try api.post("/api/generate-enhanced", ["product": "Standing Desk", "count": 1]))
            #expect(enhanced["quality_filter"] == true)
            #expect(enhanced["few_shot"] == true)
            #expect(enhanced["min_quality_score"] == 0.6)
            #expect(enhanced["dedup_scope"] == "job")
            let plain = try params(of: try api.post("/api/generate", ["product": "Standing Desk", "count": 1]))
            #expect(plain["quality_filter"] == false)
        }

        @Test(arguments: [
            ("sentiment_intensity=abc", "int_parsing", "sentiment_intensity"),
            ("sentiment_intensity=6", "less_than_equal", "sentiment_intensity"),
            ("sentiment_intensity=0", "greater_than_equal", "sentiment_intensity"),
            ("tone=", "string_too_short", "tone"),
            ("tone=%3C%3E%21", "value_error", "tone"),
            ("enable_few_shot=maybe", "bool_parsing", "enable_few_shot"),
            ("enable_quality_filter=t", "bool_parsing", "enable_quality_filter"),
            ("min_quality_score=1.5", "less_than_equal", "min_quality_score"),
            ("min_quality_score=-1", "greater_than_equal", "min_quality_score"),
            ("min_quality_score=high", "float_parsing", "min_quality_score"),
        ])
        func badQueryValueIs422NamingIt(query: String, type: String, name: String) throws {
            let response = try api.post("/api/generate-enhanced?" + query, ["product": "Standing Desk"])
            #expect(response.status == 422)
            let detail = try #require(response["detail"]?.arrayValue)
            #expect(detail.count == 1)
            #expect(detail.first?["type"] == .string(type))
            #expect(detail.first?["loc"] == ["query", .string(name)])
        }

        @Test func bodyAndQueryErrorsComeTogetherAndNoJobIsStored() throws {
            let database = try TestStack.database()
            // Jobs of other suites come and go meanwhile: count only ones this body could have made.
            let count = Statement(
                "count jobs",
                """
                SELECT (SELECT count(*) FROM jobs WHERE params->>'min_words' = '10' AND params->>'max_words' = '5')
                     + (SELECT count(*) FROM job_history WHERE params->>'min_words' = '10' AND params->>'max_words' = '5') AS n
                """)
            let before: Int = try #require(try database.execute(count).first).decode("n")
            let response = try api.post(
                "/api/generate-enhanced?sentiment_intensity=9",
                ["product": "x", "max_words": 5, "min_words": 10, "dedup_scope": "dataset"])
            #expect(response.status == 422)
            let locations = response["detail"]?.arrayValue?.compactMap { $0["loc"]?.arrayValue }
            #expect(
                locations == [
                    ["body", "product"], ["body", "max_words"], ["body", "dataset_id"], ["query", "sentiment_intensity"],
                ])
            let after: Int = try #require(try database.execute(count).first).decode("n")
            #expect(after == before)
        }

        @Test func configDescribesTheControlsAndTheQualityFilter() throws {
            let response = try api.get("/api/config")
            #expect(response.status == 200)
            let descriptions = try #require(response["sentiment_intensity"]?["descriptions"])
            #expect(descriptions["3"] == "Neutral - Balanced or indifferent")
            #expect(descriptions["5"] == "Very Positive - Extremely satisfied, delighted, or enthusiastic")
            #expect(response["tone_options"]?.arrayValue?.count == 10)
            #expect(response["tone_options"]?.arrayValue?.contains("enthusiastic") == true)
            let quality = try #require(response["quality_filtering"])
            #expect(quality["default_min_score"] == 0.6)
            #expect(
                quality["metrics"]
                    == ["length", "grammar", "lexical_diversity", "relevance", "uniqueness", "coherence"])
            #expect(quality["deduplication"]?["exact"] == true)
            #expect(quality["deduplication"]?["near_duplicate"] == ["method": "minhash-lsh", "threshold": 0.85])
            #expect(quality["deduplication"]?["scopes"] == ["job", "dataset", "global"])
        }
    }
}
