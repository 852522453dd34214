import Foundation
import Shared
import Testing

extension StackTests {
    /// The compatible endpoints over HTTP through nginx, as the earlier service's clients call them.
    @Suite
    struct EndpointTests {
        let api = APIClient()

        @Test func rootDescribesTheService() throws {
            let response = try api.get("/")
            #expect(response.status == 200)
            #expect(response["name"] == "DataForge")
            #expect(response["health_url"] == "/api/health")
            #expect(response["docs_url"] != nil)
            #expect(response.headers["content-type"] == "application/json")
        }

        @Test func livenessAnswersOk() throws {
            let response = try api.get("/health")
            #expect(response.status == 200)
            #expect(response["status"] == "ok")
            #expect(RFC3339.parse(response["timestamp"]?.stringValue ?? "") != nil)
        }

        @Test func healthIsHealthyWithDatabaseAndLiveConsumers() throws {
            let response = try api.get("/api/health")
            #expect(response.status == 200)
            #expect(response["status"] == "healthy")
            #expect(response["database"]?["connected"] == true)
            #expect((response["consumers"]?["alive"]?.intValue ?? 0) >= 1)
            #expect(response["queue"]?["available"]?.intValue != nil)
            #expect(response["version"] == .string(ServiceInfo.version))
        }

        @Test func configListsTemplatesSentimentScaleAndLimits() throws {
            let response = try api.get("/api/config")
            #expect(response.status == 200)
            #expect(response["limits"]?["max_samples"] == 50)
            #expect(response["limits"]?["min_samples"] == 1)
            #expect(response["sentiment_intensity"]?["scale"] == "1-5")
            #expect(response["sentiment_intensity"]?["descriptions"]?["1"]
                == "Very Negative - Highly dissatisfied, angry, or frustrated")
            #expect(response["templates"]?["default"] == "support_request")
            #expect(response["quality_filtering"]?["default_min_score"] == 0.6)
        }

        @Test func rateLimitStatusHasTheEarlierServicesShapeAndCountsCallsFromTheDatabase() throws {
            _ = try api.waitUntilFinished(try api.submit(count: 3))
            let response = try api.get("/api/rate-limit-status")
            #expect(response.status == 200)
            #expect(response["status"] == "active")
            let limiting = try #require(response["rate_limiting"])
            #expect(limiting["enabled"] != nil)
            for key in ["current_usage", "limit", "usage_percentage", "remaining"] {
                #expect(limiting["requests"]?[key] != nil, "requests.\(key)")
                #expect(limiting["tokens"]?[key] != nil, "tokens.\(key)")
            }
            #expect(limiting["concurrent_requests"]?["active"]?.intValue != nil)
            // The offline calls of the last minute, as llm_calls holds them.
            let offline = limiting["providers"]?.arrayValue?.first { $0["provider"] == "offline" }
            #expect((offline?["requests"]?["current_usage"]?.intValue ?? 0) >= 3)
            let metrics = try #require(response["metrics"])
            for key in ["total_requests", "successful_requests", "rate_limited_requests", "retried_requests",
                        "average_response_time", "success_rate"] {
                #expect(metrics[key] != nil, "metrics.\(key)")
            }
            #expect((metrics["total_requests"]?.intValue ?? 0) >= 3)
            #expect(try api.send("POST", "/api/rate-limit-status").status == 405)
        }

        @Test func unknownPathIs404Json() throws {
            for path in ["/nope", "/api/stats", "/api/result"] {
                let response = try api.get(path)
                #expect(response.status == 404, "\(path)")
                #expect(response["detail"] == "Not Found", "\(path)")
                #expect(response.headers["content-type"] == "application/json")
            }
        }

        @Test func wrongMethodIs405() throws {
            let cases = [("GET", "/api/generate"), ("GET", "/api/test-llm"), ("POST", "/api/result/x"), ("PUT", "/api/job/x")]
            for (method, path) in cases {
                let response = try api.send(method, path)
                #expect(response.status == 405, "\(method) \(path)")
                #expect(response["detail"] == "Method Not Allowed")
            }
        }

        @Test(arguments: ["not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27%3B%20DROP%20TABLE%20jobs"])
        func unknownJobIs404WithItsId(id: String) throws {
            let result = try api.get("/api/result/\(id)")
            #expect(result.status == 404)
            #expect(result["detail"]?.stringValue?.hasPrefix("Job ") == true)
            #expect(result["detail"]?.stringValue?.hasSuffix(" not found") == true)
            #expect(try api.delete("/api/job/\(id)").status == 404)
            #expect(try api.get("/api/jobs/\(id)/samples").status == 404)
        }

        @Test func bodyOverTheLimitIs413Json() throws {
            let big = "{\"product\":\"" + String(repeating: "a", count: 2_000_000) + "\"}"
            let response = try api.send("POST", "/api/generate", body: Array(big.utf8))
            #expect(response.status == 413)
            #expect(response["detail"]?.stringValue != nil)
        }

        @Test func validateEstimatesWithoutCreatingAJob() throws {
            let database = try TestStack.database()
            let before = try database.execute(Statement("count", "SELECT count(*) AS n FROM jobs")).first?.decode("n", as: Int.self)
            let response = try api.post("/api/validate", ["product": "  Smart <Watch> ", "count": 30])
            #expect(response.status == 200)
            #expect(response["request"]?["product"] == "Smart Watch")
            #expect(response["validation"]?["valid"] == true)
            #expect(response["validation"]?["estimated_cost"] == 0.0)
            #expect(response["validation"]?["warnings"]?.arrayValue?.isEmpty == false)
            let after = try database.execute(Statement("count", "SELECT count(*) AS n FROM jobs")).first?.decode("n", as: Int.self)
            #expect(before == after)
            let unknownVersion = try api.post("/api/validate", ["product": "Smart Watch", "version": "v9"])
            #expect(unknownVersion.status == 200)
            #expect(unknownVersion["validation"]?["valid"] == false)
        }

        @Test func testLLMSmokeTestsTheOfflineProvider() throws {
            let response = try api.post("/api/test-llm", [:])
            #expect(response.status == 200)
            #expect(response["results"]?["health_check"] == true)
            #expect(response["results"]?["generation_test"] == true)
            #expect(response["results"]?["model_info"]?["provider"] == "offline")
            #expect(response["results"]?["error"] == .null)
        }

        @Test func auditLogRefusesUpdatesAndDeletes() throws {
            _ = try api.submit(count: 1)
            let database = try TestStack.database()
            #expect(throws: DatabaseError.self) {
                try database.execute(Statement("tamper", "UPDATE audit_log SET actor = 'x'"))
            }
            #expect(throws: DatabaseError.self) {
                try database.execute(Statement("erase", "DELETE FROM audit_log"))
            }
        }
    }
}
