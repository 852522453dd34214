import Foundation
import Shared
import Testing

/// The enhanced generation's query controls and the body's sample controls.
@Suite struct GenerationRequestEnhancedTests {
    private static let body = #"{"product":"Wireless Earbuds"}"#

    private static func enhanced(_ query: [(String, String)], body: String = body) throws(APIError) -> GenerationRequest {
        try GenerationRequest.validatedEnhanced(
            body: Array(body.utf8), query: JSONObject(query.map { (key: $0.0, value: .string($0.1)) }), maxCount: 50)
    }

    private static func errors(
        _ query: [(String, String)], body: String = body, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [FieldError] {
        let error = try #require(
            throws: APIError.self, sourceLocation: sourceLocation, performing: { try enhanced(query, body: body) })
        guard case .validation(let errors) = error else {
            Issue.record("expected a validation error, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        return errors
    }

    private static func bodyErrors(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [FieldError] {
        let error = try #require(
            throws: APIError.self, sourceLocation: sourceLocation,
            performing: { try GenerationRequest.validated(body: Array(body.utf8), maxCount: 50) })
        guard case .validation(let errors) = error else {
            Issue.record("expected a validation error, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        return errors
    }

    // MARK: - Query

    @Test func enhancedDefaultsFilterOnQualityWithFewShotAtSixTenths() throws {
        let request = try Self.enhanced([])
        #expect(request.qualityFilter)
        #expect(request.fewShot)
        #expect(request.minQualityScore == 0.6)
        #expect(request.sentimentIntensity == nil)
        #expect(request.tone == nil)
    }

    @Test func theValidationEchoCarriesTheControlsAsTheJobWouldStoreThem() throws {
        let body = #"{"product": "Desk Lamp", "min_words": 30, "max_words": 90, "constraints": ["mention <warranty>"]}"#
        let echo = try GenerationRequest.validated(body: Array(body.utf8), maxCount: 50).echo
        #expect(echo["product"] == "Desk Lamp" && echo["template"] == "support_request")
        #expect(echo["min_words"] == 30 && echo["max_words"] == 90)
        #expect(echo["constraints"] == ["mention warranty"])
        #expect(echo["quality_filter"] == false && echo["dedup_scope"] == "job")
        #expect(echo["dataset_id"] == nil, "absent controls are left out")
    }

    @Test func plainGenerationScoresWithoutFiltering() throws {
        let request = try GenerationRequest.validated(body: Array(Self.body.utf8), maxCount: 50)
        #expect(!request.qualityFilter)
        #expect(request.fewShot)
        #expect(request.dedupScope == .job)
    }

    @Test func everyQueryControlIsUsed() throws {
        let request = try Self.enhanced([
            ("sentiment_intensity", "2"), ("tone", "  very-polite!! <b> "), ("enable_few_shot", "OFF"),
            ("enable_quality_filter", "no"), ("min_quality_score", "0.85"),
        ])
        #expect(request.sentimentIntensity == 2)
        #expect(request.tone == "very-polite b")
        #expect(!request.fewShot)
        #expect(!request.qualityFilter)
        #expect(request.minQualityScore == 0.85)
    }

    @Test(arguments: [
        ("true", true), ("TRUE", true), ("1", true), ("yes", true), ("Yes", true), ("on", true), ("On", true),
        ("false", false), ("False", false), ("0", false), ("no", false), ("NO", false), ("off", false),
    ])
    func booleansAcceptTheDocumentedSpellingsInAnyCase(text: String, expected: Bool) throws {
        #expect(try Self.enhanced([("enable_few_shot", text)]).fewShot == expected)
        #expect(try Self.enhanced([("enable_quality_filter", text)]).qualityFilter == expected)
    }

    @Test(arguments: ["t", "y", "f", "n", "2", "-1", "maybe", "", "enabled", "truee"])
    func otherBooleanSpellingsAreBoolParsing(text: String) throws {
        for name in ["enable_few_shot", "enable_quality_filter"] {
            let errors = try Self.errors([(name, text)])
            #expect(errors.map(\.type) == ["bool_parsing"], "\(name)=\(text)")
            #expect(errors.map(\.loc) == [["query", name]])
        }
    }

    @Test(arguments: [
        ("sentiment_intensity", "abc", "int_parsing"),
        ("sentiment_intensity", "2.5", "int_parsing"),
        ("sentiment_intensity", "", "int_parsing"),
        ("sentiment_intensity", "0", "greater_than_equal"),
        ("sentiment_intensity", "6", "less_than_equal"),
        ("min_quality_score", "1.01", "less_than_equal"),
        ("min_quality_score", "-0.1", "greater_than_equal"),
        ("min_quality_score", "high", "float_parsing"),
        ("min_quality_score", "NaN", "float_parsing"),
        ("tone", "", "string_too_short"),
        ("tone", "!!! <> ???", "value_error"),
        ("tone", String(repeating: "a", count: 41), "string_too_long"),
        ("tone", String(repeating: "!", count: 201), "string_too_long"),
    ])
    func badQueryValueIs422WithQueryLoc(name: String, value: String, type: String) throws {
        let errors = try Self.errors([(name, value)])
        #expect(errors.map(\.type) == [type])
        #expect(errors.map(\.loc) == [["query", name]])
        #expect(errors.allSatisfy { !$0.msg.isEmpty })
    }

    @Test func boundsOfTheQueryControlsAreInclusive() throws {
        #expect(try Self.enhanced([("sentiment_intensity", "1")]).sentimentIntensity == 1)
        #expect(try Self.enhanced([("sentiment_intensity", "5")]).sentimentIntensity == 5)
        #expect(try Self.enhanced([("min_quality_score", "0")]).minQualityScore == 0)
        #expect(try Self.enhanced([("min_quality_score", "1")]).minQualityScore == 1)
        let forty = String(repeating: "b", count: 40)
        #expect(try Self.enhanced([("tone", "**" + forty + "**")]).tone == forty)
    }

    @Test func bodyAndQueryErrorsAreReportedTogetherBodyFirst() throws {
        let errors = try Self.errors(
            [("sentiment_intensity", "9"), ("enable_few_shot", "maybe")], body: #"{"product":"x","count":0}"#)
        #expect(
            errors.map { $0.loc.joined(separator: ".") }
                == ["body.product", "body.count", "query.sentiment_intensity", "query.enable_few_shot"])
    }

    @Test func aBodyThatIsNotJSONIsReportedWithTheQueryErrors() throws {
        let errors = try Self.errors([("tone", "")], body: "{")
        #expect(errors.map(\.type) == ["json_invalid", "string_too_short"])
    }

    // MARK: - Body controls

    @Test func bodyControlsAreUsedAndConstraintsSanitised() throws {
        let dataset = UUID()
        let request = try Self.enhanced(
            [],
            body: #"{"product":"Desk","min_words":20,"max_words":"80","constraints":["mention <b>delivery</b>","no emojis 😀"],"#
                + #""dedup_scope":"dataset","dataset_id":"\#(dataset.uuidString)"}"#)
        #expect(request.lengthWords == 20...80)
        #expect(request.constraints == ["mention bdeliveryb", "no emojis"])
        #expect(request.dedupScope == .dataset)
        #expect(request.datasetID == dataset)
        #expect(request.deduplicationScope(jobID: UUID()) == .dataset(dataset))
    }

    @Test func aDatasetNamedInsteadOfItsIdIsKeptForResolutionAtEnqueue() throws {
        let request = try Self.enhanced([], body: #"{"product":"Desk","dedup_scope":"dataset","dataset":"reviews"}"#)
        #expect(request.dedupScope == .dataset)
        #expect(request.datasetName == "reviews")
        #expect(request.datasetID == nil)
    }

    @Test func oneWordBoundLeavesTheOtherAtItsLimit() throws {
        #expect(try Self.enhanced([], body: #"{"product":"Desk","min_words":30}"#).lengthWords == 30...2000)
        #expect(try Self.enhanced([], body: #"{"product":"Desk","max_words":30}"#).lengthWords == 1...30)
        #expect(try Self.enhanced([], body: #"{"product":"Desk","max_words":5,"min_words":5}"#).lengthWords == 5...5)
        #expect(try Self.enhanced([], body: #"{"product":"Desk"}"#).lengthWords == nil)
    }

    @Test(arguments: [
        (#""min_words":0"#, "greater_than_equal", ["min_words"]),
        (#""max_words":2001"#, "less_than_equal", ["max_words"]),
        (#""min_words":"ten""#, "int_parsing", ["min_words"]),
        (#""min_words":50,"max_words":49"#, "value_error", ["max_words"]),
        (#""constraints":"short""#, "list_type", ["constraints"]),
        (#""constraints":["a1","b2","c3","d4","e5","f6","g7","h8","i9","j10","k11"]"#, "too_long", ["constraints"]),
        (#""constraints":["fine",""]"#, "string_too_short", ["constraints", "1"]),
        (#""constraints":["fine",5]"#, "string_type", ["constraints", "1"]),
        (#""constraints":["@#$%"]"#, "value_error", ["constraints", "0"]),
        (#""dedup_scope":"tenant""#, "value_error", ["dedup_scope"]),
        (#""dedup_scope":"Job""#, "value_error", ["dedup_scope"]),
        (#""dedup_scope":"dataset""#, "missing", ["dataset_id"]),
        (#""dedup_scope":"dataset","dataset_id":"nope""#, "uuid_parsing", ["dataset_id"]),
        (#""dedup_scope":"dataset","dataset":"""#, "string_too_short", ["dataset"]),
        (#""dedup_scope":"dataset","dataset":7"#, "string_type", ["dataset"]),
    ])
    func badBodyControlIs422WithBodyLoc(fields: String, type: String, loc: [String]) throws {
        let errors = try Self.bodyErrors(#"{"product":"Desk",\#(fields)}"#)
        #expect(errors.map(\.type) == [type])
        #expect(errors.map(\.loc) == [["body"] + loc])
    }

    @Test func aConstraintOf200CharactersFitsAnd201DoesNot() throws {
        let fits = String(repeating: "c", count: 200)
        #expect(try Self.enhanced([], body: #"{"product":"Desk","constraints":["\#(fits)"]}"#).constraints == [fits])
        let errors = try Self.bodyErrors(#"{"product":"Desk","constraints":["\#(fits)c"]}"#)
        #expect(errors.map(\.type) == ["string_too_long"])
    }

    @Test func scopesResolveAgainstTheJob() {
        let job = UUID()
        var request = GenerationRequest(product: "Desk", count: 1)
        #expect(request.deduplicationScope(jobID: job) == .job(job))
        request.dedupScope = .global
        #expect(request.deduplicationScope(jobID: job) == .global)
    }

    // MARK: - Params

    @Test func controlsReadBackFromParams() throws {
        let request = try Self.enhanced(
            [("sentiment_intensity", "4"), ("tone", "calm"), ("enable_few_shot", "0"), ("min_quality_score", "0.7")],
            body: #"{"product":"Desk","min_words":10,"max_words":90,"constraints":["be brief"],"dedup_scope":"global"}"#)
        #expect(GenerationRequest(params: request.params) == request)
        #expect(GenerationRequest(params: try JSONValue(parsing: request.params.jsonText)) == request)
        #expect(request.params["quality_filter"] == true)
        #expect(request.params["few_shot"] == false)
        #expect(request.params["dedup_scope"] == "global")
    }

    @Test func paramsStoredBeforeTheControlsReadAsAPlainJob() throws {
        let params: JSONValue = [
            "product": "Phone", "count": 5, "version": "v1", "temperature": 0.7, "template": "support_request",
        ]
        let request = try #require(GenerationRequest(params: params))
        #expect(request.fewShot)
        #expect(!request.qualityFilter)
        #expect(request.minQualityScore == 0.6)
        #expect(request.lengthWords == nil)
        #expect(request.constraints.isEmpty)
        #expect(request.dedupScope == .job)
        #expect(request.datasetID == nil)
    }
}
