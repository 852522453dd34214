import Foundation
import Shared
import Testing

extension StackTests.AccessTests {
    /// A name no other run or test uses, valid as a dataset and a template name.
    static func ownedName(_ prefix: String) -> String {
        prefix + "_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    /// The key id of a key's text.
    func id(_ key: String) throws -> String {
        try #require(APIKeyToken(text: key)).id
    }

    /// Polls a job with its owner's key until it is no longer pending or running.
    func finished(_ jobID: String, key: String) throws -> String {
        let deadline = Date().addingTimeInterval(30)
        var status = ""
        while Date() < deadline {
            status = try call("GET", "/api/result/\(jobID)", key: key).json["status"]?.stringValue ?? ""
            if status != "pending" && status != "running" { break }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return status
    }

    @Test func aDatasetAndItsVersionsBelongToTheKeyThatMadeIt() throws {
        let writer = try key([.read, .write])
        let name = Self.ownedName("owned")
        let created = try call("POST", "/api/datasets", key: writer, body: #"{"name":"\#(name)"}"#)
        #expect(created.status == 201)
        #expect(created.json["created_by"] == .string("key:\(try id(writer))"))

        let jobID = try submit(key: writer)
        #expect(try finished(jobID, key: writer) == "completed")
        let committed = try call(
            "POST", "/api/datasets/\(name)/versions", key: writer, body: #"{"job_ids":["\#(jobID)"]}"#)
        #expect(committed.status == 201)
        #expect(committed.json["created_by"] == .string("key:\(try id(writer))"))

        let reader = try key([.read])
        let paths = [
            "/api/datasets/\(name)", "/api/datasets/\(name)/versions", "/api/datasets/\(name)/versions/1",
            "/api/datasets/\(name)/diff?from=1&to=1",
        ]
        for path in paths {
            #expect(try call("GET", path, key: reader).status == 404, "\(path)")
            #expect(try call("GET", path, key: writer).status == 200, "\(path)")
        }
        // The card and the export answer in their own formats; only their 404 is JSON.
        for path in ["/api/datasets/\(name)/versions/1/card", "/api/datasets/\(name)/versions/1/export?format=jsonl"] {
            #expect(try call("GET", path, key: reader).status == 404, "\(path)")
        }
        let listed = try call("GET", "/api/datasets", key: reader)
        #expect(listed.status == 200)
        #expect(listed.json["datasets"]?.arrayValue?.contains { $0["name"]?.stringValue == name } == false)

        // Another writer can neither commit to the dataset nor take the job's samples into its own.
        let stranger = try key([.read, .write])
        let body = #"{"job_ids":["\#(jobID)"]}"#
        #expect(try call("POST", "/api/datasets/\(name)/versions", key: stranger, body: body).status == 404)
        let own = Self.ownedName("other")
        #expect(try call("POST", "/api/datasets", key: stranger, body: #"{"name":"\#(own)"}"#).status == 201)
        #expect(try call("POST", "/api/datasets/\(own)/versions", key: stranger, body: body).status == 422)
        #expect(try call("POST", "/api/datasets/\(own)/versions", key: stranger, body: "{}").status == 422)

        let admin = try key([.admin])
        for path in paths { #expect(try call("GET", path, key: admin).status == 200, "\(path)") }
        let all = try call("GET", "/api/datasets", key: admin)
        let names = Set(all.json["datasets"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
        #expect(names.isSuperset(of: [name, own]))
    }

    @Test func aUserTemplateIsSeenAndUsedOnlyByTheKeyThatMadeIt() throws {
        let writer = try key([.read, .write])
        let name = Self.ownedName("notes")
        let upload = #"{"name":"\#(name)","body":"Write one short note about \"{{ product }}\".\n"}"#
        #expect(try call("POST", "/api/templates", key: writer, body: upload).status == 201)
        let owner = try TestStack.database().execute(
            Statement("template owner", "SELECT owner_key_id FROM templates WHERE name = $1"), [name])
        #expect(try owner.first?.decode("owner_key_id", as: String.self) == (try id(writer)))

        func names(_ key: String) throws -> [String] {
            let listed = try call("GET", "/api/templates", key: key)
            #expect(listed.status == 200)
            return listed.json["templates"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        }
        let job = #"{"product":"Desk Lamp","count":1,"template":"\#(name)","version":"v1"}"#
        let stranger = try key([.read, .write])
        #expect(try !names(stranger).contains(name))
        #expect(try names(stranger).contains("product_review"), "built-ins are everyone's")
        #expect(try call("GET", "/api/templates/\(name)/versions/v1", key: stranger).status == 404)
        let refused = try call("POST", "/api/generate", key: stranger, body: job)
        #expect(refused.status == 400)
        #expect(refused.json["detail"]?.stringValue?.contains("Unknown template") == true)
        #expect(try submit(key: stranger).isEmpty == false, "a built-in template needs no owner")

        #expect(try names(writer).contains(name))
        #expect(try call("GET", "/api/templates/\(name)/versions/v1", key: writer).status == 200)
        #expect(try call("POST", "/api/generate", key: writer, body: job).status == 200)

        let admin = try key([.admin])
        #expect(try names(admin).contains(name))
        #expect(try call("GET", "/api/templates/\(name)/versions/v1", key: admin).status == 200)
    }

    @Test func auditRowsOfAKeyedRequestNameTheKey() throws {
        let writer = try key([.read, .write])
        let jobID = try submit(key: writer)
        #expect(try call("DELETE", "/api/job/\(jobID)", key: writer).status == 200)
        let rows = try TestStack.database().execute(
            Statement(
                "job audit actors",
                """
                SELECT actor, action FROM audit_log
                WHERE subject_type = 'job' AND subject_id = $1 AND actor NOT LIKE 'consumer:%'
                """),
            [jobID])
        let actors = try rows.map { row in
            (action: try row.decode("action", as: String.self), actor: try row.decode("actor", as: String.self))
        }
        let expected = "key:\(try id(writer))"
        #expect(actors.contains { $0.action == "job.created" })
        #expect(actors.allSatisfy { $0.actor == expected }, "\(actors)")
    }
}
