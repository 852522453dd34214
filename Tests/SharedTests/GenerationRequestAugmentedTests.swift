import Shared
import Testing

/// The augmented generation's query: strategies in both forms, the augmentation controls, and which failure wins.
@Suite struct GenerationRequestAugmentedTests {
    private static let body = #"{"product":"Wireless Earbuds"}"#

    private static func augmented(
        _ query: [(String, String)], body: String = body
    ) throws(APIError) -> GenerationRequest {
        try GenerationRequest.validatedAugmented(
            body: Array(body.utf8), query: JSONObject(query.map { (key: $0.0, value: .string($0.1)) }),
            strategyValues: query.filter { $0.0 == "augmentation_strategies" }.map(\.1), maxCount: 50)
    }

    private static func failure(
        _ query: [(String, String)], body: String = body, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> APIError {
        try #require(throws: APIError.self, sourceLocation: sourceLocation, performing: { try augmented(query, body: body) })
    }

    private static func fieldErrors(
        _ query: [(String, String)], body: String = body, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [FieldError] {
        let error = try failure(query, body: body, sourceLocation: sourceLocation)
        if case .validation(let errors) = error { return errors }
        Issue.record("expected a validation error, got \(error)", sourceLocation: sourceLocation)
        return []
    }

    @Test func defaultsAreCDAAtHalfWithTwoVariantsJudgedLocallyAndNoCallBound() throws {
        let request = try Self.augmented([])
        #expect(request.augmentation == AugmentationRequest(strategies: [.cda], ratio: 0.5, variantsPerSample: 2))
        #expect(request.augmentation?.maxCalls == nil)
        #expect(request.augmentation?.similarityJudge == .local)
    }

    @Test func theEnhancedControlsApplyAsForEnhancedGeneration() throws {
        let request = try Self.augmented([("sentiment_intensity", "4"), ("enable_quality_filter", "off")])
        #expect(request.sentimentIntensity == 4)
        #expect(!request.qualityFilter)
        #expect(try Self.augmented([]).qualityFilter, "the quality filter is on by default, as for enhanced")
    }

    @Test func everyAugmentationControlIsUsedAndStoredInTheParams() throws {
        let request = try Self.augmented([
            ("augmentation_strategies", "CADA"), ("augment_ratio", "0.25"), ("variants_per_sample", "5"),
            ("max_augmentation_calls", "0"), ("judge", "llm"), ("aspect_alternatives", "llm"),
        ])
        let augmentation = try #require(request.augmentation)
        #expect(augmentation.strategies == [.cada])
        #expect(augmentation.ratio == 0.25)
        #expect(augmentation.variantsPerSample == 5)
        #expect(augmentation.maxCalls == 0)
        #expect(augmentation.similarityJudge == .llm)
        #expect(augmentation.alternatives == .llm)
        #expect(
            request.params["augmentation"]
                == [
                    "strategies": ["CADA"], "ratio": 0.25, "variants_per_sample": 5, "judge": "llm",
                    "alternatives": "llm", "max_calls": 0,
                ])
    }

    @Test(arguments: [
        [("augmentation_strategies", "ADA"), ("augmentation_strategies", "CDA")],
        [("augmentation_strategies", "ADA,CDA")],
        [("augmentation_strategies", "ADA, CDA,")],
        [("augmentation_strategies", "ADA,CDA"), ("augmentation_strategies", "ADA")],
    ])
    func repeatedAndCommaSeparatedStrategiesAreReadInOrderOnceEach(query: [(String, String)]) throws {
        #expect(try Self.augmented(query).augmentation?.strategies == [.ada, .cda])
    }

    @Test(arguments: [
        ("augmentation_strategies=XYZ", "Invalid augmentation strategies: XYZ. Valid options: CDA, ADA, CADA"),
        ("augmentation_strategies=CDA,cada,Foo", "Invalid augmentation strategies: cada, Foo. Valid options: CDA, ADA, CADA"),
    ])
    func aBadStrategyIsThe400OfTheContract(query: String, message: String) throws {
        let pair = query.split(separator: "=").map(String.init)
        let error = try Self.failure([(pair[0], pair[1])])
        #expect(error == .badRequest(message))
    }

    @Test func aBadStrategyWinsOverBodyAndQuery422s() throws {
        let error = try Self.failure(
            [("augmentation_strategies", "XYZ"), ("augment_ratio", "2"), ("sentiment_intensity", "9")], body: #"{"product":"x"}"#)
        #expect(error == .badRequest("Invalid augmentation strategies: XYZ. Valid options: CDA, ADA, CADA"))
    }

    @Test(arguments: [
        ("augment_ratio", "1.5", "less_than_equal"), ("augment_ratio", "-0.1", "greater_than_equal"),
        ("augment_ratio", "half", "float_parsing"), ("variants_per_sample", "0", "greater_than_equal"),
        ("variants_per_sample", "6", "less_than_equal"), ("variants_per_sample", "2.5", "int_parsing"),
        ("max_augmentation_calls", "-1", "greater_than_equal"), ("max_augmentation_calls", "many", "int_parsing"),
        ("judge", "human", "enum"), ("judge", "LLM", "enum"), ("judge", "", "string_too_short"),
        ("aspect_alternatives", "provider", "enum"),
    ])
    func aBadControlIs422AtItsQueryName(name: String, value: String, type: String) throws {
        let errors = try Self.fieldErrors([(name, value)])
        #expect(errors.map(\.loc) == [["query", name]])
        #expect(errors.first?.type == type)
    }

    @Test func bodyEnhancedAndAugmentationErrorsComeTogetherInThatOrder() throws {
        let errors = try Self.fieldErrors(
            [("augment_ratio", "2"), ("judge", "human"), ("sentiment_intensity", "9")], body: #"{"product":"x"}"#)
        #expect(
            errors.map(\.loc) == [
                ["body", "product"], ["query", "sentiment_intensity"], ["query", "augment_ratio"], ["query", "judge"],
            ])
    }

    @Test func theJudgesMessageNamesBothOptions() throws {
        let errors = try Self.fieldErrors([("judge", "human")])
        #expect(errors.first?.msg == "Input should be 'local' or 'llm'")
    }
}
