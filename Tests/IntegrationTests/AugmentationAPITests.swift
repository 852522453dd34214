import Foundation
import Shared
import Testing

extension StackTests {
    /// The augmentation endpoints through nginx: the strategies' descriptions, the contract's 400 and 422
    /// answers, and an accepted augmented job whose stored params carry what the query asked.
    @Suite
    struct AugmentationAPITests {
        let api = APIClient()

        @Test func aBadStrategyIsThe400OfTheContract() throws {
            let response = try api.post(
                "/api/generate-augmented?augmentation_strategies=CDA&augmentation_strategies=BAD&augment_ratio=7",
                ["product": "Standing Desk", "count": 1])
            #expect(response.status == 400)
            #expect(response.json == ["detail": "Invalid augmentation strategies: BAD. Valid options: CDA, ADA, CADA"])
        }

        @Test func aRatioAboveOneIs422AtItsQueryName() throws {
            let response = try api.post("/api/generate-augmented?augment_ratio=1.5", ["product": "Standing Desk"])
            #expect(response.status == 422)
            let detail = try #require(response["detail"]?.arrayValue)
            #expect(detail.count == 1)
            #expect(detail.first?["type"] == "less_than_equal")
            #expect(detail.first?["loc"] == ["query", "augment_ratio"])
            #expect(detail.first?["msg"] == "Input should be less than or equal to 1.0")
        }

        @Test func theStrategiesEndpointDescribesEachStrategyAndTheRecommendedCombinations() throws {
            let response = try api.get("/api/augmentation/strategies")
            #expect(response.status == 200)
            #expect(response["available"] == ["CDA", "ADA", "CADA"])
            #expect(response["recommended_combinations"] == [["CDA"], ["ADA"], ["CADA"], ["CDA", "ADA"]])
            let cada = try #require(response["strategies"]?["CADA"])
            #expect(cada["name"] == "Context-Aspect Data Augmentation")
            #expect(cada["description"] == "Combines both context and aspect augmentation")
            #expect(cada["best_for"] == "Best overall, costliest")
            #expect(response["strategies"]?["ADA"]?["description"] == "Replaces aspect terms with suitable alternatives")
            #expect(response["usage_notes"]?["CDA"] == "Best for increasing semantic diversity while preserving meaning")
        }

        @Test func aValidRequestIsAcceptedAndItsParamsCarryTheAugmentation() throws {
            let query = "augmentation_strategies=CDA,ADA&augmentation_strategies=CADA&augment_ratio=0.4"
                + "&variants_per_sample=3&max_augmentation_calls=4&judge=llm&tone=polite"
            let response = try api.post("/api/generate-augmented?" + query, ["product": "Standing Desk", "count": 2])
            #expect(response.status == 200, "\(response.json.jsonText)")
            #expect(response["status"] == "pending")
            let id = try #require(response["job_id"]?.stringValue.flatMap { UUID(text: $0) })
            let job = try #require(try JobStore(TestStack.database()).find(id))
            #expect(job.kind == "generate")
            #expect(job.params["tone"] == "polite")
            #expect(job.params["quality_filter"] == true, "the enhanced controls apply with their defaults")
            let augmentation = try #require(job.params["augmentation"])
            #expect(augmentation["strategies"] == ["CDA", "ADA", "CADA"])
            #expect(augmentation["ratio"] == 0.4)
            #expect(augmentation["variants_per_sample"] == 3)
            #expect(augmentation["max_calls"] == 4)
            #expect(augmentation["judge"] == "llm")
            #expect(job.params["template_hash"]?.stringValue?.isEmpty == false, "the template is pinned as for generate")
        }

        @Test func theDefaultsAreStoredWhenTheQueryNamesNone() throws {
            let response = try api.post("/api/generate-augmented", ["product": "Standing Desk", "count": 1])
            #expect(response.status == 200)
            let id = try #require(response["job_id"]?.stringValue.flatMap { UUID(text: $0) })
            let job = try #require(try JobStore(TestStack.database()).find(id))
            // Read back as the consumer reads it; jsonb keeps no key order.
            #expect(AugmentationRequest(params: job.params["augmentation"]) == AugmentationRequest())
            #expect(job.params["augmentation"]?["max_calls"] == nil)
        }
    }
}
