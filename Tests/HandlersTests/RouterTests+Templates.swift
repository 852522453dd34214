@testable import Handlers
import Shared
import Testing

/// `POST /api/templates` through the router, without a database: a bad `aspect_terms` is a 422 located inside it.
extension RouterTests {
    static func templateBody(aspectTerms: String) -> String {
        #"{"name":"restaurant_reviews","body":"Write about {{ product }}.","aspect_terms":"# + aspectTerms + "}"
    }

    @Test(arguments: [
        (#""pasta""#, ["body", "aspect_terms"], "dict_type"),
        (#"{"dish":"pasta"}"#, ["body", "aspect_terms", "dish"], "list_type"),
        (#"{"dish":[]}"#, ["body", "aspect_terms", "dish"], "too_short"),
        (#"{"dish":["pasta","risotto!"]}"#, ["body", "aspect_terms", "dish", "1"], "string_pattern_mismatch"),
        (#"{"dish":["--"]}"#, ["body", "aspect_terms", "dish", "0"], "string_pattern_mismatch"),
        (#"{"dish":["pasta",7]}"#, ["body", "aspect_terms", "dish", "1"], "string_type"),
        (#"{"dish":[""]}"#, ["body", "aspect_terms", "dish", "0"], "string_too_short"),
        (#"{"dish":[""# + String(repeating: "a", count: 61) + #""]}"#, ["body", "aspect_terms", "dish", "0"],
         "string_too_long"),
        (#"{"dish":["#
            + (0..<51).map { #""pasta \#($0)""# }.joined(separator: ",") + "]}",
         ["body", "aspect_terms", "dish"], "too_long"),
        ("{" + (0..<21).map { #""dish \#($0)":["pasta"]"# }.joined(separator: ",") + "}",
         ["body", "aspect_terms"], "too_long"),
        (#"{"di$h":["pasta"]}"#, ["body", "aspect_terms", "di$h"], "string_pattern_mismatch"),
    ])
    func aBadAspectTermsFieldIs422LocatedInsideIt(aspectTerms: String, loc: [String], type: String) throws {
        let answer = try Self.respond("POST", "/api/templates", body: Self.templateBody(aspectTerms: aspectTerms))
        #expect(answer.status == 422)
        let detail = try #require(answer.body["detail"]?.arrayValue)
        #expect(detail.count == 1)
        #expect(detail.first?["loc"] == .array(loc.map(JSONValue.string)))
        #expect(detail.first?["type"] == .string(type))
    }

    @Test(arguments: [
        #"{"dish":["crème brûlée","pasta"],"Service":["wi-fi","Wi Fi 6"]}"#,
        "{" + (0..<20).map { #""dish \#($0)":["pasta"]"# }.joined(separator: ",") + "}",
        #"{"dish":["#
            + (0..<50).map { #""pasta \#($0)""# }.joined(separator: ",") + "]}",
        "null",
    ])
    func aspectTermsWithinTheLimitsPassValidationAndNeedTheDatabase(aspectTerms: String) throws {
        let answer = try Self.respond("POST", "/api/templates", body: Self.templateBody(aspectTerms: aspectTerms))
        #expect(answer.status == 503)
    }
}
