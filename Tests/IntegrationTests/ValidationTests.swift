import Foundation
import Shared
import Testing

extension StackTests {
    /// Bad input through nginx: a 422 whose `loc` names the field, never a 500 and never a stored job.
    @Suite
    struct ValidationTests {
        struct Case: Sendable, CustomTestStringConvertible {
            var body: String
            var type: String
            var loc: [String]
            var testDescription: String { body.count > 60 ? String(body.prefix(60)) + "…" : body }
        }

        static let cases: [Case] = [
            Case(body: #"{"count":5}"#, type: "missing", loc: ["body", "product"]),
            Case(body: #"{"product":"x"}"#, type: "string_too_short", loc: ["body", "product"]),
            Case(body: "{\"product\":\"" + String(repeating: "p", count: 201) + "\"}", type: "string_too_long",
                 loc: ["body", "product"]),
            Case(body: #"{"product":"@@##$$%%"}"#, type: "value_error", loc: ["body", "product"]),
            Case(body: #"{"product":"Earbuds","count":0}"#, type: "greater_than_equal", loc: ["body", "count"]),
            Case(body: #"{"product":"Earbuds","count":51}"#, type: "less_than_equal", loc: ["body", "count"]),
            Case(body: #"{"product":"Earbuds","count":2.5}"#, type: "int_parsing", loc: ["body", "count"]),
            Case(body: #"{"product":"Earbuds","count":"many"}"#, type: "int_parsing", loc: ["body", "count"]),
            Case(body: #"{"product":"Earbuds","temperature":2.5}"#, type: "less_than_equal", loc: ["body", "temperature"]),
            Case(body: #"{"product":"Earbuds","temperature":-0.1}"#, type: "greater_than_equal",
                 loc: ["body", "temperature"]),
            Case(body: #"{"product":"Earbuds","temperature":"hot"}"#, type: "float_parsing", loc: ["body", "temperature"]),
            Case(body: #"{"product":"Earbuds","version":""}"#, type: "string_too_short", loc: ["body", "version"]),
            Case(body: #"{"product":"Earbuds","version":"v123456789012345678901"}"#, type: "string_too_long",
                 loc: ["body", "version"]),
            Case(body: #"{"product":123}"#, type: "string_type", loc: ["body", "product"]),
            Case(body: #"{"product": "Earbuds""#, type: "json_invalid", loc: ["body"]),
            Case(body: "", type: "missing", loc: ["body"]),
            Case(body: "[1,2]", type: "model_attributes_type", loc: ["body"]),
            Case(body: "\"text\"", type: "model_attributes_type", loc: ["body"]),
            Case(body: #"{"product":"Earbuds","model":"offline-v1\u0000"}"#, type: "value_error", loc: ["body", "model"]),
            Case(body: #"{"product":"Earbuds","version":"v\u00001"}"#, type: "value_error", loc: ["body", "version"]),
            Case(body: #"{"product":"Earbuds","model":"'; DROP TABLE jobs; --"}"#, type: "value_error",
                 loc: ["body", "model"]),
            Case(body: #"{"product":"Earbuds","model":"offline-v2"}"#, type: "value_error", loc: ["body", "model"]),
            Case(body: #"{"product":"Earbuds","provider":"openai","model":"gpt-unpriced"}"#, type: "value_error",
                 loc: ["body", "model"]),
            Case(body: "{\"product\":\"Earbuds\",\"model\":\"" + String(repeating: "m", count: 129) + "\"}",
                 type: "string_too_long", loc: ["body", "model"]),
        ]

        @Test(arguments: cases)
        func badBodyIs422NamingTheField(_ bad: Case) throws {
            let api = APIClient()
            for path in ["/api/generate", "/api/validate"] {
                let response = try api.send("POST", path, body: Array(bad.body.utf8))
                #expect(response.status == 422, "\(path)")
                let detail = try #require(response["detail"]?.arrayValue?.first)
                #expect(detail["type"] == .string(bad.type))
                #expect(detail["loc"] == .array(bad.loc.map(JSONValue.string)))
                #expect(detail["msg"]?.stringValue?.isEmpty == false)
            }
        }

        @Test func laxNumbersAndUnknownFieldsAreAccepted() throws {
            let api = APIClient()
            let response = try api.post(
                "/api/generate", ["product": "Earbuds", "count": "2", "temperature": 1, "colour": "blue"])
            #expect(response.status == 200)
            #expect(response["status"] == "pending")
            let wholeFloat = try api.post("/api/generate", ["product": "Earbuds", "count": 2.0])
            #expect(wholeFloat.status == 200)
        }

        @Test func everyFailingFieldIsReportedAtOnce() throws {
            let response = try APIClient().post("/api/generate", ["product": "x", "count": 99, "temperature": 9])
            #expect(response.status == 422)
            let locations = response["detail"]?.arrayValue?.compactMap { $0["loc"]?.arrayValue?.last?.stringValue }
            #expect(locations == ["product", "count", "temperature"])
        }

        @Test func unknownTemplateVersionIs400() throws {
            let response = try APIClient().post("/api/generate", ["product": "Earbuds", "version": "v9"])
            #expect(response.status == 400)
            #expect(response["detail"]?.stringValue?.contains("v9") == true)
        }
    }
}
