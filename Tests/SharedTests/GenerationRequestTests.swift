import Shared
import Testing

@Suite struct GenerationRequestTests {
    private static func validated(_ body: String, maxCount: Int = 50) throws(APIError) -> GenerationRequest {
        try GenerationRequest.validated(body: Array(body.utf8), maxCount: maxCount)
    }

    /// The field errors of a body that must be refused with a 422.
    private static func fieldErrors(
        _ body: String, maxCount: Int = 50, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [FieldError] {
        let error = try #require(
            throws: APIError.self, sourceLocation: sourceLocation,
            performing: { try validated(body, maxCount: maxCount) })
        #expect(error.status == 422, sourceLocation: sourceLocation)
        guard case .validation(let errors) = error else {
            Issue.record("expected a validation error, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        return errors
    }

    /// The single field error of a body that must be refused with a 422.
    private static func fieldError(
        _ body: String, maxCount: Int = 50, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> FieldError {
        let errors = try fieldErrors(body, maxCount: maxCount, sourceLocation: sourceLocation)
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        return try #require(errors.first, sourceLocation: sourceLocation)
    }

    // MARK: - Defaults and coercion

    @Test func defaultsApplyWhenOnlyProductIsSent() throws {
        let request = try Self.validated(#"{"product":"Wireless Earbuds"}"#)
        #expect(
            request
                == GenerationRequest(
                    product: "Wireless Earbuds", count: 5, version: "v1", temperature: 0.7, templateName: "support_request", kind: .supportRequest,
                    provider: "offline", model: "offline-v1"))
    }

    @Test func everyFieldSentIsUsed() throws {
        let request = try Self.validated(
            #"{"product":"Laptop","count":12,"version":"v2","temperature":1.5,"template":"product_review","#
                + #""provider":"offline","model":"offline-v1"}"#)
        #expect(
            request
                == GenerationRequest(
                    product: "Laptop", count: 12, version: "v2", temperature: 1.5, templateName: "product_review", kind: .productReview,
                    provider: "offline", model: "offline-v1"))
    }

    @Test(arguments: [(#""5""#, 5), ("2.0", 2), (#"" 7 ""#, 7), ("1e1", 10), ("50", 50), ("1", 1)])
    func countIsCoercedLaxly(json: String, expected: Int) throws {
        let request = try Self.validated(#"{"product":"Phone","count":\#(json)}"#)
        #expect(request.count == expected)
    }

    @Test(arguments: ["2.5", #""2.5""#, #""five""#, "true", "[5]", #"{"n":5}"#, "1e20"])
    func countThatIsNotAWholeNumberIsIntParsing(json: String) throws {
        let error = try Self.fieldError(#"{"product":"Phone","count":\#(json)}"#)
        #expect(error.type == "int_parsing")
        #expect(error.loc == ["body", "count"])
    }

    @Test(arguments: [("0", "greater_than_equal"), ("-3", "greater_than_equal"), ("51", "less_than_equal")])
    func countOutsideOneToMaximumIs422WithLoc(json: String, type: String) throws {
        let error = try Self.fieldError(#"{"product":"Phone","count":\#(json)}"#, maxCount: 50)
        #expect(error.type == type)
        #expect(error.loc == ["body", "count"])
    }

    @Test func countMaximumComesFromTheCaller() throws {
        #expect(try Self.validated(#"{"product":"Phone","count":10}"#, maxCount: 10).count == 10)
        let error = try Self.fieldError(#"{"product":"Phone","count":11}"#, maxCount: 10)
        #expect(error.type == "less_than_equal")
        #expect(error.loc == ["body", "count"])
    }

    @Test(arguments: [(#""0.5""#, 0.5), ("2", 2.0), ("0", 0.0), ("2.0", 2.0), ("0.0", 0.0)])
    func temperatureIsCoercedLaxlyAndBoundsAreInclusive(json: String, expected: Double) throws {
        let request = try Self.validated(#"{"product":"Phone","temperature":\#(json)}"#)
        #expect(request.temperature == expected)
    }

    // MARK: - One bad field

    @Test(arguments: [
        (#"{}"#, "missing", "product"),
        (#"{"product":null}"#, "missing", "product"),
        (#"{"product":"A"}"#, "string_too_short", "product"),
        (#"{"product":""}"#, "string_too_short", "product"),
        (#"{"product":"@#$%^&"}"#, "value_error", "product"),
        (#"{"product":"a@@##$$"}"#, "value_error", "product"),
        (#"{"product":"  !  "}"#, "value_error", "product"),
        (#"{"product":"😀😀😀"}"#, "value_error", "product"),
        (#"{"product":"Phone","temperature":2.1}"#, "less_than_equal", "temperature"),
        (#"{"product":"Phone","temperature":-0.1}"#, "greater_than_equal", "temperature"),
        (#"{"product":"Phone","temperature":"abc"}"#, "float_parsing", "temperature"),
        (#"{"product":"Phone","temperature":"NaN"}"#, "float_parsing", "temperature"),
        (#"{"product":"Phone","temperature":true}"#, "float_parsing", "temperature"),
        (#"{"product":"Phone","version":""}"#, "string_too_short", "version"),
        (#"{"product":"Phone","version":"abcdefghijklmnopqrstu"}"#, "string_too_long", "version"),
    ])
    func badFieldIs422WithTypeAndLoc(body: String, type: String, field: String) throws {
        let error = try Self.fieldError(body)
        #expect(error.type == type)
        #expect(error.loc == ["body", field])
        #expect(!error.msg.isEmpty)
    }

    @Test func productOf200CharactersIsAcceptedAnd201IsTooLong() throws {
        let fits = String(repeating: "a", count: 200)
        #expect(try Self.validated(#"{"product":"\#(fits)"}"#).product == fits)
        let error = try Self.fieldError(#"{"product":"\#(fits)b"}"#)
        #expect(error.type == "string_too_long")
        #expect(error.loc == ["body", "product"])
    }

    @Test func versionOf20CharactersIsAccepted() throws {
        let version = String(repeating: "v", count: 20)
        #expect(try Self.validated(#"{"product":"Phone","version":"\#(version)"}"#).version == version)
    }

    @Test func productIsSanitised() throws {
        let request = try Self.validated(#"{"product":"  <script>Phone</script> X™ \"Pro\"  "}"#)
        #expect(request.product == "scriptPhonescript X Pro")
    }

    @Test(arguments: ["support_request", "product_review", "feature_request", "chatbot_conversation"])
    func everyTemplateIsAccepted(name: String) throws {
        let request = try Self.validated(#"{"product":"Phone","template":"\#(name)"}"#)
        #expect(request.templateName == name)
        #expect(request.kind.rawValue == name)
    }

    // MARK: - Several bad fields

    @Test func everyBadFieldIsReportedAtOnce() throws {
        let errors = try Self.fieldErrors(
            #"{"product":"x","count":0,"version":"","temperature":"hot","template":"poem"}"#)
        // Whether a template exists is the handler's 400 (it knows user templates), not a field error.
        let found = errors.map { "\($0.loc.joined(separator: ".")):\($0.type)" }
        #expect(
            Set(found) == [
                "body.product:string_too_short", "body.count:greater_than_equal", "body.version:string_too_short",
                "body.temperature:float_parsing",
            ])
        #expect(found.count == 4)
    }

    @Test func missingProductIsReportedAlongsideOtherErrors() throws {
        let errors = try Self.fieldErrors(#"{"count":2.5}"#)
        #expect(errors.contains { $0.type == "missing" && $0.loc == ["body", "product"] })
        #expect(errors.contains { $0.type == "int_parsing" && $0.loc == ["body", "count"] })
    }

    // MARK: - The body as a whole

    @Test(arguments: [#"{"product":"#, #"{"product":"Phone",}"#, "not json", #"{"product":"Phone"} x"#, "{"])
    func malformedJSONIsJsonInvalidOnBody(body: String) throws {
        let error = try Self.fieldError(body)
        #expect(error.type == "json_invalid")
        #expect(error.loc == ["body"])
    }

    @Test func invalidUTF8IsJsonInvalidOnBody() throws {
        let thrown = try #require(throws: APIError.self) {
            try GenerationRequest.validated(body: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D], maxCount: 50)
        }
        guard case .validation(let errors) = thrown else {
            Issue.record("expected a validation error, got \(thrown)")
            return
        }
        #expect(errors.map(\.type) == ["json_invalid"])
        #expect(errors.map(\.loc) == [["body"]])
    }

    @Test(arguments: ["", " \n\t\r "])
    func emptyBodyIsMissingOnBody(body: String) throws {
        let error = try Self.fieldError(body)
        #expect(error.type == "missing")
        #expect(error.loc == ["body"])
    }

    @Test(arguments: [#"[{"product":"Phone"}]"#, #""Phone""#, "42", "null", "true"])
    func bodyThatIsNotAnObjectIs422OnBody(body: String) throws {
        let error = try Self.fieldError(body)
        #expect(error.loc == ["body"])
    }

    @Test func unknownFieldsAreIgnored() throws {
        let request = try Self.validated(#"{"product":"Phone","colour":"red","count":3,"extra":{"nested":[1]}}"#)
        #expect(request.product == "Phone")
        #expect(request.count == 3)
    }

    @Test func nullOptionalFieldsTakeTheirDefaults() throws {
        let request = try Self.validated(
            #"{"product":"Phone","count":null,"version":null,"temperature":null,"template":null}"#)
        #expect(
            request
                == GenerationRequest(
                    product: "Phone", count: 5, version: "v1", temperature: 0.7, templateName: "support_request", kind: .supportRequest,
                    provider: "offline", model: "offline-v1"))
    }

    @Test func theResolvedProviderAndModelArePinnedInTheParams() throws {
        let params = try Self.validated(#"{"product":"Phone"}"#).params
        #expect(params["provider"] == "offline")
        #expect(params["model"] == "offline-v1")
    }

    @Test(arguments: ["version", "model", "provider", "template"])
    func aNULCharacterInAStringFieldIs422NamingIt(field: String) throws {
        var object: JSONObject = ["product": "Phone"]
        object[field] = .string("v1\u{0}x")
        let error = try Self.fieldError(JSONValue.object(object).jsonText)
        #expect(error.type == "value_error")
        #expect(error.loc == ["body", field])
        #expect(error.msg.contains("NUL"))
    }

    @Test func aNULCharacterInTheProductIsSanitisedAwayAsAnyOtherSymbol() throws {
        #expect(try Self.validated(#"{"product":"Pho\u0000ne"}"#).product == "Phone")
    }

    // MARK: - Params

    @Test(arguments: [
        GenerationRequest(product: "Phone", count: 5),
        GenerationRequest(
            product: "无线耳机 (Pro)", count: 50, version: "v2", temperature: 0, templateName: "chatbot_conversation",
            kind: .chatbotConversation, templateHash: String(repeating: "ab", count: 32),
            sentimentIntensity: 1, tone: "frustrated"),
        GenerationRequest(
            product: "Ноутбук 15", count: 1, version: "v1", temperature: 2, templateName: "terse_requests", kind: .featureRequest,
            sentimentIntensity: 5, tone: nil),
        GenerationRequest(
            product: "Desk", count: 7, version: "v1", temperature: 0.35, templateName: "product_review", kind: .productReview,
            sentimentIntensity: nil, tone: "polite"),
    ])
    func paramsReadBackToTheSameRequest(request: GenerationRequest) throws {
        #expect(GenerationRequest(params: request.params) == request)
        let reparsed = try JSONValue(parsing: request.params.jsonText)
        #expect(GenerationRequest(params: reparsed) == request)
    }

    @Test(arguments: [
        JSONValue.null,
        ["count": 5, "version": "v1", "temperature": 0.7, "template": "support_request"],
        ["product": "Phone", "count": "5", "version": "v1", "temperature": 0.7, "template": "support_request"],
        ["product": "Phone", "count": 5, "version": "v1", "temperature": 0.7, "template": "sonnet"],
        ["product": "Phone", "count": 5, "version": "v1", "template": "support_request"],
    ])
    func paramsOfAnotherShapeReadBackAsNil(params: JSONValue) {
        #expect(GenerationRequest(params: params) == nil)
    }

    @Test func paramsWithoutKindTakeItFromTheTemplateName() throws {
        let params: JSONValue = ["product": "Phone", "count": 5, "version": "v1", "temperature": 0.7, "template": "chatbot_reply"]
        let request = try #require(GenerationRequest(params: params))
        #expect(request.kind == .chatbotConversation)
        #expect(request.templateHash == nil)
    }

    @Test func unknownTemplateNameIsLeftToTheHandler() throws {
        let request = try Self.validated(#"{"product":"Phone","template":"haiku","version":"v3"}"#)
        #expect(request.templateName == "haiku")
        #expect(request.version == "v3")
    }
}
