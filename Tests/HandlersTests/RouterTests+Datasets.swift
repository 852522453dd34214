@testable import Handlers
import Shared
import Testing

/// The dataset endpoints' input checks through the router, without a database: each is a 422 with its `loc`.
extension RouterTests {
    @Test(arguments: [
        (#"{"name":"has space"}"#, ["body", "name"], "string_pattern_mismatch"),
        (#"{"name":""}"#, ["body", "name"], "string_too_short"),
        (#"{"description":"x"}"#, ["body", "name"], "missing"),
        (#"{"name":"ok","description":5}"#, ["body", "description"], "string_type"),
    ])
    func aBadDatasetIs422(body: String, loc: [String], type: String) throws {
        let answer = try Self.respond("POST", "/api/datasets", body: body)
        #expect(answer.status == 422)
        let detail = try #require(answer.body["detail"]?.arrayValue)
        #expect(detail.first?["loc"] == .array(loc.map(JSONValue.string)))
        #expect(detail.first?["type"] == .string(type))
    }

    @Test func aBadCommitIs422BeforeTheDatabase() throws {
        let answer = try Self.respond("POST", "/api/datasets/reviews/versions", body: #"{"filter":{"min_quality":-1}}"#)
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["loc"] == ["body", "filter", "min_quality"])
    }

    @Test(arguments: [("", "to=2", ["query", "from"]), ("from=x", "to=2", ["query", "from"]), ("from=1", "to=0", ["query", "to"])])
    func aBadDiffQueryIs422(from: String, to: String, loc: [String]) throws {
        let answer = try Self.respond("GET", "/api/datasets/reviews/diff", query: [from, to].joined(separator: "&"))
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["loc"] == .array(loc.map(JSONValue.string)))
    }

    @Test func aVersionThatIsNotANumberIs422() throws {
        let answer = try Self.respond("GET", "/api/datasets/reviews/versions/latest")
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["loc"] == ["path", "version"])
    }
}

/// Export and card input checks, before the database.
extension RouterTests {
    @Test(arguments: ["export", "card"])
    func anExportOrCardOfAVersionThatIsNotANumberIs422(endpoint: String) throws {
        let answer = try Self.respond("GET", "/api/datasets/reviews/versions/latest/\(endpoint)")
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["loc"] == ["path", "version"])
    }

    @Test func anExportFormatOtherThanJSONLOrCSVIs422() throws {
        let answer = try Self.respond("GET", "/api/datasets/reviews/versions/1/export", query: "format=parquet")
        #expect(answer.status == 422)
        #expect(answer.body["detail"]?.arrayValue?.first?["loc"] == ["query", "format"])
        #expect(answer.body["detail"]?.arrayValue?.first?["type"] == "literal_error")
    }

    @Test func aStreamedResponseHasNoContentLengthAndWritesItsChunksInOrder() {
        let response = Response.streamed(contentType: "text/csv", headers: [("Content-Disposition", "attachment")]) { write in
            _ = write(Array("a\r\n".utf8)) && write(Array("b\r\n".utf8))
        }
        #expect(!response.headerBlock.contains("Content-Length"))
        #expect(response.headerBlock.contains("X-Accel-Buffering: no\r\n"))
        #expect(response.headerBlock.hasSuffix("Content-Disposition: attachment\r\n\r\n"))
        var received: [UInt8] = []
        response.stream?.produce { chunk in
            received += chunk
            return true
        }
        #expect(String(decoding: received, as: UTF8.self) == "a\r\nb\r\n")
        #expect(Response.json(["ok": true]).headerBlock.contains("Content-Length: "))
    }
}
