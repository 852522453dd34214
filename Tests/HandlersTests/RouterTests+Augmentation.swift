@testable import Handlers
import Shared
import Testing

/// The augmentation endpoints through the router, without a database: the strategies' descriptions, the
/// augmented generation's 400 and 422 answers, and the augmentation calls in `/api/validate`'s estimate.
extension RouterTests {
    @Test func theStrategiesAreDescribedWithTheContractsTexts() throws {
        let answer = try Self.respond("GET", "/api/augmentation/strategies")
        #expect(answer.status == 200)
        #expect(answer.body["available"] == ["CDA", "ADA", "CADA"])
        #expect(answer.body["recommended_combinations"] == [["CDA"], ["ADA"], ["CADA"], ["CDA", "ADA"]])
        #expect(
            answer.body["strategies"]?["CDA"]
                == [
                    "name": "Context-Focused Data Augmentation",
                    "description": "Changes contextual words while keeping aspect terms and sentiment polarity",
                    "best_for": "Semantic richness and diversity",
                ])
        #expect(answer.body["strategies"]?["ADA"]?["name"] == "Aspect-Focused Data Augmentation")
        #expect(answer.body["strategies"]?["CADA"]?["description"] == "Combines both context and aspect augmentation")
        #expect(
            answer.body["usage_notes"]
                == [
                    "CDA": "Best for increasing semantic diversity while preserving meaning",
                    "ADA": "Best for improving robustness to different aspect terms",
                    "CADA": "Best overall performance but computationally intensive",
                ])
    }

    @Test func aBadStrategyIs400BeforeAnyOtherCheck() throws {
        let answer = try Self.respond(
            "POST", "/api/generate-augmented", query: "augmentation_strategies=CDA&augmentation_strategies=XYZ&augment_ratio=9",
            body: #"{"product":"x"}"#)
        #expect(answer.status == 400)
        #expect(answer.body == ["detail": "Invalid augmentation strategies: XYZ. Valid options: CDA, ADA, CADA"])
    }

    @Test func aRatioOutOfRangeIs422AtItsQueryName() throws {
        let answer = try Self.respond("POST", "/api/generate-augmented", query: "augment_ratio=1.5", body: Self.validBody)
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["loc"] == ["query", "augment_ratio"])
        #expect(answer.body["detail"]?.arrayValue?.first?["type"] == "less_than_equal")
    }

    /// `estimated_tokens` of `/api/validate` for the body of 3 samples with `query`.
    private static func estimatedTokens(query: String) throws -> JSONValue {
        let answer = try respond("POST", "/api/validate", query: query, body: validBody)
        #expect(answer.status == 200)
        return try #require(answer.body["validation"]?["estimated_tokens"])
    }

    @Test func validateCountsOneParaphraseCallPerAugmentedOriginalForCDAAndCADA() throws {
        let plain = try Self.estimatedTokens(query: "")
        #expect(plain["augmentation_calls"] == nil)
        // 3 kept, ratio 0.5: 2 originals augmented, one call each for both strategies' variants.
        let both = try Self.estimatedTokens(query: "augmentation_strategies=CDA,CADA&variants_per_sample=3")
        #expect(both["augmentation_calls"] == 2)
        let sample = TokenEstimator.expectedSampleTokens
        #expect(both["output"]?.intValue == (plain["output"]?.intValue ?? 0) + 2 * 2 * 3 * sample)
        #expect(
            both["input"]?.intValue
                == (plain["input"]?.intValue ?? 0) + 2 * (AugmentationRequest.expectedInstructionTokens + sample))
    }

    @Test func validateCountsNoCallForADAAndNoMoreThanTheCallBudget() throws {
        let plain = try Self.estimatedTokens(query: "")
        let aspects = try Self.estimatedTokens(query: "augmentation_strategies=ADA&augment_ratio=1")
        #expect(aspects["augmentation_calls"] == 0)
        #expect(aspects["output"] == plain["output"])
        let capped = try Self.estimatedTokens(query: "augment_ratio=1&max_augmentation_calls=1")
        #expect(capped["augmentation_calls"] == 1)
    }

    @Test func validateAnswersABadAugmentationQueryAsTheAugmentedEndpointDoes() throws {
        let answer = try Self.respond("POST", "/api/validate", query: "augmentation_strategies=XYZ", body: Self.validBody)
        #expect(answer.status == 400)
        let invalid = try Self.respond("POST", "/api/validate", query: "judge=human", body: Self.validBody)
        #expect(invalid.status == 422)
        #expect(invalid.body["detail"]?.arrayValue?.first?["loc"] == ["query", "judge"])
    }
}
