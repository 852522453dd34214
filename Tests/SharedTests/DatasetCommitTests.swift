import Foundation
import Shared
import Testing

/// The body of a version commit and a dataset's name, checked before anything touches the database.
@Suite struct DatasetCommitTests {
    private static let jobID = "3f2b8c1e-9a4d-4c6b-8e2f-1a2b3c4d5e6f"

    private static func commit(_ body: String) throws -> DatasetCommit {
        guard case .object(let object) = try JSONValue(parsing: Array(body.utf8)) else {
            throw APIError.badRequest("not an object")
        }
        return try DatasetCommit.validated(object)
    }

    private static func errors(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [FieldError] {
        let error = try #require(throws: APIError.self, sourceLocation: sourceLocation, performing: { try commit(body) })
        guard case .validation(let errors) = error else {
            Issue.record("expected a validation error, got \(error)", sourceLocation: sourceLocation)
            return []
        }
        return errors
    }

    @Test func jobIDsAloneSelectEveryKeptSampleOfThoseJobs() throws {
        let commit = try Self.commit(#"{"job_ids":["\#(Self.jobID)"],"note":"first"}"#)
        #expect(commit.jobIDs == [UUID(uuidString: Self.jobID)!])
        #expect(commit.filter == DatasetFilter())
        #expect(commit.filter.keptOnly)
        #expect(commit.note == "first")
    }

    @Test func aFilterReadsEveryField() throws {
        let commit = try Self.commit(
            #"{"filter":{"template":"product_review","template_version":"v1","min_quality":0.6,"kept_only":false,"#
                + #""from":"2026-01-01T00:00:00Z","to":"2026-02-01T00:00:00Z","product":"Earbuds","strategy":"ADA"}}"#)
        #expect(commit.jobIDs == nil)
        #expect(commit.filter.template == "product_review")
        #expect(commit.filter.templateVersion == "v1")
        #expect(commit.filter.minQuality == 0.6)
        #expect(!commit.filter.keptOnly)
        #expect(commit.filter.from == RFC3339.parse("2026-01-01T00:00:00Z"))
        #expect(commit.filter.to == RFC3339.parse("2026-02-01T00:00:00Z"))
        #expect(commit.filter.strategy == "ADA")
        #expect(commit.filter.json["from"] == "2026-01-01T00:00:00.000000Z")
        #expect(commit.filter.json["kept_only"] == false)
    }

    @Test func neitherJobIDsNorFilterIsMissing() throws {
        let errors = try Self.errors(#"{"note":"x"}"#)
        #expect(errors.map(\.loc) == [["body"]])
        #expect(errors.first?.type == "missing")
    }

    @Test(arguments: [
        (#"{"job_ids":["nope"]}"#, ["body", "job_ids", "0"], "uuid_parsing"),
        (#"{"job_ids":"x"}"#, ["body", "job_ids"], "list_type"),
        (#"{"filter":[]}"#, ["body", "filter"], "dict_type"),
        (#"{"filter":{"min_quality":1.5}}"#, ["body", "filter", "min_quality"], "less_than_equal"),
        (#"{"filter":{"from":"yesterday"}}"#, ["body", "filter", "from"], "datetime_parsing"),
        (#"{"filter":{"strategy":"XYZ"}}"#, ["body", "filter", "strategy"], "enum"),
        (#"{"filter":{"kept_only":"maybe"}}"#, ["body", "filter", "kept_only"], "bool_parsing"),
        (#"{"filter":{"from":"2026-02-01T00:00:00Z","to":"2026-01-01T00:00:00Z"}}"#, ["body", "filter", "to"],
         "value_error"),
        (#"{"filter":{},"note":7}"#, ["body", "note"], "string_type"),
    ])
    func aBadFieldIs422AtItsLocation(body: String, loc: [String], type: String) throws {
        let errors = try Self.errors(body)
        #expect(errors.map(\.loc) == [loc])
        #expect(errors.first?.type == type)
    }

    @Test func originalIsAStrategy() throws {
        #expect(try Self.commit(#"{"filter":{"strategy":"original"}}"#).filter.strategy == "original")
    }

    @Test(arguments: ["reviews", "Reviews-2026.v1_a", String(repeating: "a", count: 100)])
    func aValidName(name: String) {
        #expect(Dataset.isValidName(name))
    }

    @Test(arguments: ["", "with space", "slash/name", "ümlaut", String(repeating: "a", count: 101), "a@1"])
    func anInvalidName(name: String) {
        #expect(!Dataset.isValidName(name))
    }
}
