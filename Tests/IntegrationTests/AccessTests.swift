import Foundation
import Shared
import Testing

extension StackTests {
    /// `DATAFORGE_AUTH=on`: the handler binary run as CGI with keys made in the stack's database (the stack's
    /// own pool keeps the API open for the other suites).
    @Suite
    struct AccessTests {
        struct Answer {
            var status: Int
            var head: String
            var json: JSONValue
        }

        /// One request through `dataforge-fcgi` with the API asking for keys.
        func call(_ method: String, _ path: String, key: String?, body: String = "") throws -> Answer {
            var variables = [
                "DATAFORGE_AUTH": "on", "REQUEST_METHOD": method, "REQUEST_URI": path,
                "CONTENT_LENGTH": String(body.utf8.count), "CONTENT_TYPE": "application/json",
            ]
            if let key { variables["HTTP_AUTHORIZATION"] = "Bearer " + key }
            if let query = path.split(separator: "?", maxSplits: 1).dropFirst().first {
                variables["QUERY_STRING"] = String(query)
            }
            let output = try CGIModeTests().runCGI(variables, body: body)
            let parts = output.components(separatedBy: "\r\n\r\n")
            let head = parts[0]
            let status = Int(head.dropFirst("Status: ".count).prefix(3)) ?? 0
            let text = parts.dropFirst().joined(separator: "\r\n\r\n")
            return Answer(status: status, head: head, json: text.isEmpty ? .null : try JSONValue(parsing: Array(text.utf8)))
        }

        /// A new key with these scopes, as `dataforge keys create` makes it.
        func key(_ scopes: Set<KeyScope>) throws -> String {
            let token = APIKeyToken.generate()
            _ = try APIKeyStore(try TestStack.database()).create(token, name: "access test", scopes: scopes)
            return token.text
        }

        func submit(key: String) throws -> String {
            let answer = try call("POST", "/api/generate", key: key, body: #"{"product":"Desk Lamp","count":1}"#)
            #expect(answer.status == 200)
            return try #require(answer.json["job_id"]?.stringValue)
        }

        @Test func aRequestWithoutAKnownLiveKeyIs401() throws {
            for key in [nil, "dfk_unknown0000_notasecret", "not-a-key"] {
                let answer = try call("GET", "/api/jobs", key: key)
                #expect(answer.status == 401)
                #expect(answer.head.contains("WWW-Authenticate: Bearer\r\n"))
                #expect(answer.json["detail"]?.stringValue != nil)
            }
            let revoked = try key([.admin])
            #expect(try call("GET", "/api/jobs", key: revoked).status == 200)
            let id = try #require(APIKeyToken(text: revoked)).id
            #expect(try APIKeyStore(try TestStack.database()).revoke(id: id)?.revokedAt != nil)
            let answer = try call("GET", "/api/jobs", key: revoked)
            #expect(answer.status == 401)
            #expect(answer.json["detail"] == "API key revoked")
        }

        @Test func aSecretWorksOnlyWithItsOwnKeyID() throws {
            let token = try #require(APIKeyToken(text: try key([.read])))
            let other = try #require(APIKeyToken(text: try key([.read])))
            #expect(try call("GET", "/api/jobs", key: APIKeyToken(id: other.id, secret: token.secret).text).status == 401)
        }

        @Test func aReadKeyCannotWrite() throws {
            let answer = try call("POST", "/api/generate", key: try key([.read]), body: #"{"product":"Desk Lamp","count":1}"#)
            #expect(answer.status == 403)
            #expect(answer.json["detail"]?.stringValue?.contains("write") == true)
            #expect(try call("DELETE", "/api/job/\(UUID())", key: try key([.read])).status == 403)
        }

        @Test func aKeysUseIsRecordedAtMostOnceAMinute() throws {
            let text = try key([.read])
            let id = try #require(APIKeyToken(text: text)).id
            let database = try TestStack.database()
            func lastUsed() throws -> Date? { try APIKeyStore(database).list().first { $0.id == id }?.lastUsedAt }
            #expect(try lastUsed() == nil)
            #expect(try call("GET", "/api/jobs", key: text).status == 200)
            let first = try #require(try lastUsed())
            #expect(try call("GET", "/api/jobs", key: text).status == 200)
            #expect(try lastUsed() == first)
            let back = Statement(
                "back", "UPDATE api_keys SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1")
            try database.execute(back, [id])
            #expect(try call("GET", "/api/jobs", key: text).status == 200)
            #expect(try #require(try lastUsed()) > first)
        }

        @Test func healthStaysPublic() throws {
            #expect(try call("GET", "/health", key: nil).status == 200)
            #expect(try call("GET", "/api/health", key: nil).status != 401)
        }

        @Test func aKeySeesItsOwnJobsAndAnAdminSeesEveryKeys() throws {
            let writer = try key([.read, .write])
            let jobID = try submit(key: writer)
            let owner = try #require(APIKeyToken(text: writer)).id
            let stored = try TestStack.database().execute(
                Statement("job owner", "SELECT owner_key_id FROM jobs WHERE id = $1 UNION ALL SELECT owner_key_id FROM job_history WHERE id = $1"),
                [try #require(UUID(uuidString: jobID))])
            #expect(try stored.first?.decode("owner_key_id", as: String.self) == owner)

            #expect(try call("GET", "/api/result/\(jobID)", key: writer).status == 200)
            #expect(try call("GET", "/api/jobs/\(jobID)/samples", key: writer).status == 200)

            let stranger = try key([.read, .write])
            for path in ["/api/result/\(jobID)", "/api/jobs/\(jobID)/samples"] {
                #expect(try call("GET", path, key: stranger).status == 404)
            }
            #expect(try call("DELETE", "/api/job/\(jobID)", key: stranger).status == 404)
            let listed = try call("GET", "/api/jobs?limit=100", key: stranger)
            #expect(listed.status == 200)
            #expect(listed.json["jobs"]?.arrayValue?.contains { $0["job_id"]?.stringValue == jobID } == false)
            let own = try call("GET", "/api/jobs?limit=100", key: writer)
            #expect(own.json["jobs"]?.arrayValue?.map { $0["job_id"]?.stringValue } == [jobID])

            let admin = try key([.admin])
            let seen = try call("GET", "/api/result/\(jobID)", key: admin)
            #expect(seen.status == 200)
            #expect(seen.json["job_id"]?.stringValue == jobID)
        }

        /// Runs `dataforge` with `arguments` against the stack's database; its exit status and output.
        func cli(_ arguments: [String]) throws -> (status: Int32, output: String) {
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID()).txt").path
            let binary = (TestStack.environment["DATAFORGE_BIN_DIR"] ?? "") + "/dataforge"
            let status = ChildProcess(binary, arguments, outputFile: output).wait()
            return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
        }

        /// The limits column of key `id` in `dataforge keys list` (the sixth: no column before it has spaces).
        func listedLimits(_ id: String) throws -> String {
            let listed = try cli(["keys", "list"])
            let line = try #require(listed.output.split(separator: "\n").first { $0.hasPrefix(id + " ") })
            let fields = line.split(separator: " ")
            return try #require(fields.count > 6 ? String(fields[5]) : nil, "\(line)")
        }

        @Test func keysMadeListedAndRevokedWithTheCommandLine() throws {
            let made = try cli(["keys", "create", "--name", "cli reader", "--scopes", "read"])
            #expect(made.status == 0)
            let key = try #require(made.output.split(separator: "\n").first { $0.hasPrefix("dfk_") }.map(String.init))
            let id = try #require(APIKeyToken(text: key)).id
            #expect(try call("GET", "/api/jobs", key: key).status == 200)
            #expect(try call("POST", "/api/validate", key: key, body: #"{"product":"Desk Lamp","count":1}"#).status == 403)

            let listed = try cli(["keys", "list"])
            let line = try #require(listed.output.split(separator: "\n").first { $0.hasPrefix(id) })
            #expect(line.contains("cli reader") && line.contains("read"))
            #expect(try listedLimits(id) == "-", "a key without quotas")
            #expect(!listed.output.contains(try #require(APIKeyToken(text: key)).secret), "a secret is never listed")

            #expect(try cli(["keys", "revoke", id]).status == 0)
            #expect(try call("GET", "/api/jobs", key: key).status == 401)
            #expect(try cli(["keys", "revoke", "nosuchkey1"]).status != 0)
            #expect(try cli(["keys", "create", "--name", "x", "--scopes", "read,owner"]).status != 0)
        }

        @Test func aFinishedJobKeepsItsOwner() throws {
            let writer = try key([.read, .write])
            let jobID = try submit(key: writer)
            #expect(try finished(jobID, key: writer) == "completed")
            #expect(try call("GET", "/api/result/\(jobID)", key: try key([.read])).status == 404)
            #expect(try call("DELETE", "/api/job/\(jobID)", key: try key([.write])).status == 404)
            #expect(try call("DELETE", "/api/job/\(jobID)", key: writer).json["status"] == "already_finished")
        }
    }
}
