import Foundation
import Shared
import Testing

extension StackTests {
    /// User templates through nginx: upload, validation, listing, versions, and a job pinning its template.
    @Suite
    struct TemplateTests {
        let api = APIClient()
        static let body = "Write one short note about \"{{ product }}\".\n{% if tone %}\nTone: {{ tone }}\n{% endif %}\n"

        /// `params` of a job, finished or not.
        static func params(_ jobID: String) throws -> JSONValue {
            let rows = try TestStack.database().execute(
                Statement(
                    "job params",
                    "SELECT params FROM jobs WHERE id = $1 UNION ALL SELECT params FROM job_history WHERE id = $1"),
                [try #require(UUID(uuidString: jobID))])
            return try #require(rows.first).decode("params")
        }

        @Test func uploadedVersionsAreNumberedListedAndServed() throws {
            let first = try api.post(
                "/api/templates", ["name": "terse_notes", "body": .string(Self.body), "description": "Short notes"])
            #expect(first.status == 201)
            #expect(first["version"] == "v1")
            #expect(first["kind"] == "support_request")
            #expect(first["content_hash"]?.stringValue?.count == 64)
            let second = try api.post(
                "/api/templates", ["name": "terse_notes", "body": .string(Self.body + "Be brief.\n"), "kind": "product_review"])
            #expect(second["version"] == "v2")
            #expect(second["content_hash"] != first["content_hash"])

            let fetched = try api.get("/api/templates/terse_notes/versions/v1")
            #expect(fetched.status == 200)
            #expect(fetched["body"] == .string(Self.body))
            #expect(fetched["content_hash"] == first["content_hash"])

            let list = try api.get("/api/templates")
            let entries = try #require(list["templates"]?.arrayValue)
            let notes = try #require(entries.first { $0["name"] == "terse_notes" })
            #expect(notes["version"] == "v2")
            #expect(notes["versions"] == ["v1", "v2"])
            #expect(entries.contains { $0["name"] == "product_review" && $0["built_in"] == true })
        }

        @Test func aBuiltInNamesUserVersionsStartAtV2() throws {
            let response = try api.post("/api/templates", ["name": "feature_request", "body": .string(Self.body)])
            #expect(response.status == 201)
            #expect(response["kind"] == "feature_request")
            let number = Int(response["version"]?.stringValue?.dropFirst() ?? "") ?? 0
            #expect(number >= 2)
            #expect(try api.get("/api/templates/feature_request/versions/v1")["built_in"] == true)
        }

        @Test(arguments: [
            ("Hi {{ product }}\n{{ colour }}", "line 2", "variable colour"),
            ("Hi\n\n{% for x in examples %}{{ x }}{{ y|lowercase }}{% endfor %}", "line 3", "variable y"),
            ("Hi\n{% if product %}\nunclosed", "line 2", "syntax"),
        ])
        func anInvalidBodyIs422NamingItsLine(body: String, line: String, detail: String) throws {
            let response = try api.post("/api/templates", ["name": "broken_one", "body": .string(body)])
            #expect(response.status == 422)
            let error = try #require(response["detail"]?.arrayValue?.first)
            #expect(error["loc"] == ["body", "body"])
            #expect(error["type"] == "value_error")
            let message = error["msg"]?.stringValue ?? ""
            #expect(message.contains(line) && message.contains(detail), "\(message)")
        }

        @Test(arguments: ["A_upper", "x", "9lives", "has-dash"])
        func aBadNameIs422(name: String) throws {
            let response = try api.post("/api/templates", ["name": .string(name), "body": .string(Self.body)])
            #expect(response.status == 422)
            #expect(response["detail"]?.arrayValue?.first?["loc"] == ["body", "name"])
        }

        @Test func anUnknownVersionOrNameIs404() throws {
            #expect(try api.get("/api/templates/support_request/versions/v99").status == 404)
            #expect(try api.get("/api/templates/no_such_template/versions/v1").status == 404)
        }

        @Test func aJobWithAUserTemplatePinsItsNameVersionKindAndHash() throws {
            let created = try api.post(
                "/api/templates", ["name": "pinned_reviews", "body": .string(Self.body), "kind": "product_review"])
            let job = try api.post(
                "/api/generate", ["product": "Kettle", "count": 1, "template": "pinned_reviews", "version": "v1"])
            #expect(job.status == 200)
            let params = try Self.params(try #require(job["job_id"]?.stringValue))
            #expect(params["template"] == "pinned_reviews")
            #expect(params["version"] == "v1")
            #expect(params["kind"] == "product_review")
            #expect(params["template_hash"] == created["content_hash"])
        }

        @Test func aBuiltInJobPinsTheBuiltInHash() throws {
            let job = try api.post("/api/generate", ["product": "Kettle", "count": 1, "template": "product_review"])
            let params = try Self.params(try #require(job["job_id"]?.stringValue))
            let builtIn = try #require(PromptTemplate.builtIn(name: "product_review", version: "v1"))
            #expect(params["template_hash"] == .string(builtIn.contentHash))
        }

        @Test func anUnknownTemplateOrVersionIs400NamingWhatExists() throws {
            let unknown = try api.post("/api/generate", ["product": "Kettle", "template": "haiku"])
            #expect(unknown.status == 400)
            let message = unknown["detail"]?.stringValue ?? ""
            #expect(message.hasPrefix("Unknown template 'haiku'. Available: "))
            #expect(message.contains("support_request"))
            let version = try api.post("/api/generate", ["product": "Kettle", "template": "support_request", "version": "v77"])
            #expect(version.status == 400)
            #expect(version["detail"]?.stringValue?.contains("v1") == true)
            #expect(version["detail"]?.stringValue?.contains("v77") == true)
        }

        @Test func aspectTermsAreStoredWithTheVersionServedAndPinnedInItsHash() throws {
            let terms: JSONValue = ["service": ["waiter", "server"], "dish": ["pasta", "risotto"]]
            let created = try api.post(
                "/api/templates",
                ["name": "trattoria_reviews", "body": .string(Self.body), "kind": "product_review", "aspect_terms": terms])
            #expect(created.status == 201)
            let sorted: JSONValue = ["dish": ["pasta", "risotto"], "service": ["waiter", "server"]]
            #expect(created["aspect_terms"] == sorted)
            let plain = try api.post(
                "/api/templates", ["name": "plain_trattoria", "body": .string(Self.body), "kind": "product_review"])
            #expect(plain["aspect_terms"] == [:])
            #expect(plain["content_hash"] != created["content_hash"])

            let fetched = try api.get("/api/templates/trattoria_reviews/versions/v1")
            #expect(fetched["aspect_terms"] == sorted)
            #expect(fetched["content_hash"] == created["content_hash"])
            let entries = try #require(try api.get("/api/templates")["templates"]?.arrayValue)
            #expect(entries.first { $0["name"] == "trattoria_reviews" }?["aspect_terms"] == sorted)

            // The consumer recomputes the hash from the stored version: with its terms it matches the pinned one.
            let job = try api.post(
                "/api/generate", ["product": "Trattoria", "count": 1, "template": "trattoria_reviews", "version": "v1"])
            let jobID = try #require(job["job_id"]?.stringValue)
            #expect(try Self.params(jobID)["template_hash"] == created["content_hash"])
            #expect(try api.waitUntilFinished(jobID)["status"] == "completed")
        }

        @Test func aStoredVersionsAspectTermsNeverChange() throws {
            _ = try api.post(
                "/api/templates", ["name": "fixed_terms", "body": .string(Self.body), "aspect_terms": ["dish": ["soup", "broth"]]])
            #expect(throws: DatabaseError.self) {
                try TestStack.database().execute(
                    Statement("tamper", "UPDATE templates SET aspect_terms = '{}' WHERE name = 'fixed_terms'"))
            }
            #expect(try api.get("/api/templates/fixed_terms/versions/v1")["aspect_terms"] == ["dish": ["soup", "broth"]])
        }

        @Test func badAspectTermsAre422InsideTheField() throws {
            let response = try api.post(
                "/api/templates", ["name": "bad_terms", "body": .string(Self.body), "aspect_terms": ["dish": ["pasta", "risotto!"]]])
            #expect(response.status == 422)
            #expect(response["detail"]?.arrayValue?.first?["loc"] == ["body", "aspect_terms", "dish", "1"])
            #expect(try api.get("/api/templates/bad_terms/versions/v1").status == 404)
        }

        @Test func aBuiltInShowsItsOwnAspectTerms() throws {
            let builtIn = try api.get("/api/templates/support_request/versions/v1")
            #expect(builtIn["aspect_terms"]?["service"]?.arrayValue?.contains("account") == true)
            let pinned = try #require(PromptTemplate.builtIn(name: "support_request", version: "v1"))
            #expect(builtIn["content_hash"] == .string(pinned.contentHash))
        }

        @Test func configListsTheTemplates() throws {
            let templates = try #require(try api.get("/api/config")["templates"])
            #expect(templates["default"] == "support_request")
            #expect(templates["available"]?.arrayValue?.contains("chatbot_conversation") == true)
        }
    }
}
