import Foundation
import Shared
import Testing

extension StackTests {
    /// Jobs against real HTTP providers — the fake of Tests/FakeProvider speaking OpenAI's and Anthropic's
    /// protocols — through the consumers' libcurl client and the cluster-wide budget.
    @Suite(.enabled(if: FakeProvider.isRunning))
    struct ProviderTests {
        let api = APIClient()
        let fake = FakeProvider()

        init() throws { try fake.reset() }

        @Test(arguments: ["openai", "anthropic"])
        func jobCompletesWithCostEqualToTheSumOfItsCalls(provider: String) throws {
            let model = provider == "openai" ? "gpt-4o-mini" : "claude-haiku-4-5"
            let jobID = try api.submit(["product": "Trail Camera", "count": 6, "provider": .string(provider), "samples_per_call": 1])
            let job = try api.waitUntilFinished(jobID)
            #expect(job["status"] == "completed", "\(job.json.jsonText)")
            let samples = job.json.samples
            #expect(samples.count == 6)
            #expect(Set(samples.compactMap { $0["text"]?.stringValue }).count == 6)
            let metadata = try #require(job["result"]?["metadata"])
            #expect(metadata["provider"]?.stringValue == provider)
            #expect(metadata["model"]?.stringValue == model)
            let calls = try TestStack.calls(of: jobID)
            #expect(calls.count == 6 && calls.allSatisfy { $0.status == "ok" })
            #expect(metadata["tokens_in"]?.intValue == calls.reduce(0) { $0 + $1.tokensIn })
            #expect(metadata["tokens_out"]?.intValue == calls.reduce(0) { $0 + $1.tokensOut })
            let cost = try #require(metadata["cost_usd"]?.doubleValue)
            #expect(cost > 0)
            #expect(cost == (try TestStack.costSum(of: jobID)))
            #expect(try fake.stats()["by_model"]?[model]?["requests"]?.intValue == 6)
        }

        @Test func rejectedKeyFailsTheJobAtOnceWithAClearMessage() throws {
            try fake.configure(["require_key": "a-key-the-stack-does-not-have"])
            defer { try? fake.reset() }
            let job = try api.waitUntilFinished(try api.submit(["product": "Trail Camera", "count": 5, "provider": "openai"]))
            #expect(job["status"] == "error")
            let message = try #require(job["error_message"]?.stringValue)
            #expect(message.contains("rejected the API key"), "\(message)")
            #expect(!message.contains("sk-"), "no key in the message")
            #expect(try fake.stats()["by_status"]?["401"]?.intValue ?? 0 <= 2, "one call per sample in flight, no retries")
        }

        @Test func everyJobCompletesWhenAFifthOfTheCallsFail() throws {
            try fake.configure([
                "fault_rate": 0.2, "faults": ["500", "503", "529", "429", "malformed", "truncated", "drop"],
            ])
            defer { try? fake.reset() }
            let bodies: [JSONValue] = (0..<5).map { index in
                ["product": .string("Fault Tolerant Kettle \(index)"), "count": 8,
                 "provider": .string(index.isMultiple(of: 2) ? "openai" : "anthropic")]
            }
            let jobs = try api.runJobs(bodies, seconds: 90)
            for job in jobs {
                #expect(job["status"] == "completed", "\(job.json.jsonText)")
                #expect(job.json.samples.count == 8)
            }
            guard case .object(let faults) = try fake.stats()["by_fault"] else {
                Issue.record("the fake reports its faults")
                return
            }
            #expect(faults.members.compactMap(\.value.intValue).reduce(0, +) > 0, "the fake injected faults")
        }

        @Test func consumersTogetherNeverExceedTheProvidersRequestLimit() throws {
            // 40 requests per 5 s window is 480 a minute: what DATAFORGE_RATE_LIMITS gives openai/paced-gpt.
            try fake.configure(["rpm": 40, "window_seconds": 5])
            defer { try? fake.reset() }
            let bodies: [JSONValue] = (0..<3).map { index in
                ["product": .string("Paced Lamp \(index)"), "count": 24, "provider": "openai", "model": "paced-gpt",
                 "samples_per_call": 1]
            }
            let jobs = try api.runJobs(bodies, seconds: 60)
            #expect(jobs.allSatisfy { $0["status"] == "completed" })
            let stats = try #require(try fake.stats()["by_model"]?["paced-gpt"])
            #expect(stats["accepted_in_max_window"]?.intValue ?? 99 <= 40)
            #expect(stats["by_status"]?["429"]?.intValue ?? 0 <= 1)
            // 72 calls at 8 a second: paced, but not much slower than the limit allows.
            let consumersUsed = try TestStack.database().execute(
                Statement(
                    "paced consumers",
                    "SELECT count(DISTINCT consumer_id) AS n, extract(epoch FROM max(created_at) - min(created_at))::float8 AS span "
                        + "FROM llm_calls WHERE model = 'paced-gpt'"))
            let row = try #require(consumersUsed.first)
            #expect(try row.decode("n", as: Int.self) >= 2, "the budget was shared by several consumers")
            let span: Double = try row.decode("span")
            #expect(span > 7.5 && span < 12, "72 calls at 8/s take about 9 s, took \(span)")

            let status = try api.get("/api/rate-limit-status")
            let paced = status["rate_limiting"]?["providers"]?.arrayValue?.first { $0["model"] == "paced-gpt" }
            #expect(paced?["requests"]?["limit"]?.intValue == 480)
            #expect(paced?["limits_source"] == "config")
        }

        @Test func consumersTogetherNeverExceedTheProvidersTokenLimit() throws {
            // 14,000 tokens per 5 s window is 168,000 a minute: what DATAFORGE_RATE_LIMITS gives
            // openai/paced-tokens. A call counts its prompt (~70 tokens) and its 400-token allowance.
            try fake.configure(["tpm": 14_000, "window_seconds": 5])
            defer { try? fake.reset() }
            let bodies: [JSONValue] = (0..<3).map { index in
                ["product": .string("Token Lamp \(index)"), "count": 12, "provider": "openai", "model": "paced-tokens"]
            }
            let jobs = try api.runJobs(bodies, seconds: 60)
            #expect(jobs.allSatisfy { $0["status"] == "completed" })
            let stats = try #require(try fake.stats()["by_model"]?["paced-tokens"])
            let peak = try #require(stats["tokens_in_max_window"]?.intValue)
            #expect(peak <= 14_000)
            #expect(peak >= 11_000, "the budget is used, not wasted: peak window \(peak) tokens")
            #expect(stats["by_status"]?["429"]?.intValue ?? 0 <= 1)
        }

        @Test func rerunOfADeterministicJobIsAnsweredFromTheCacheAtNoCost() throws {
            let body: JSONValue = [
                "product": "Cache Friendly Blender", "count": 5, "provider": "openai", "temperature": 0, "seed": 42,
            ]
            let first = try api.waitUntilFinished(try api.submit(body))
            let requests = try fake.requestsTotal()
            let secondID = try api.submit(body)
            let second = try api.waitUntilFinished(secondID)
            #expect(first["status"] == "completed" && second["status"] == "completed")
            #expect(try fake.requestsTotal() == requests, "no provider call on the re-run")
            #expect(first.json.samples.compactMap { $0["text"]?.stringValue }
                == second.json.samples.compactMap { $0["text"]?.stringValue })
            #expect(second["result"]?["metadata"]?["cost_usd"]?.doubleValue == 0)
            #expect(try TestStack.calls(of: secondID).allSatisfy { $0.status == "cached" && Double($0.cost) == 0 })
        }

        @Test func jobStopsCleanlyAtItsCostLimitKeepingItsSamples() throws {
            let jobID = try api.submit([
                "product": "Budget Headphones", "count": 40, "provider": "openai", "model": "gpt-4o",
                "max_cost_usd": 0.02, "samples_per_call": 1,
            ])
            let job = try api.waitUntilFinished(jobID)
            #expect(job["status"] == "error")
            #expect(job["error_message"]?.stringValue?.contains("cost limit") == true)
            let kept = job.json.samples.count
            #expect(kept > 0 && kept < 40)
            let spent = try TestStack.costSum(of: jobID)
            #expect(spent <= 0.02)
            #expect(spent > 0.01, "the budget is used, not abandoned early: spent \(spent)")
        }

        @Test func validateEstimatesCostAndDurationFromPricesTokenizerAndBudget() throws {
            let response = try api.post(
                "/api/validate", ["product": "Trail Camera", "count": 48, "provider": "openai", "model": "paced-gpt"])
            #expect(response.status == 200)
            let validation = try #require(response["validation"])
            // 48 calls at the configured 480 a minute, paced at 99 %: the last starts 47 × 60 / 475.2 s ≈ 5.93 s
            // after the first, whatever the latency.
            #expect((validation["estimated_duration"]?.doubleValue ?? 0) >= 5.93)
            #expect(validation["model"]?.stringValue == "paced-gpt")

            let priced = try api.post(
                "/api/validate",
                ["product": "Trail Camera", "count": 10, "provider": "openai", "model": "gpt-4o", "max_cost_usd": 0.001])
            let estimate = try #require(priced["validation"])
            #expect((estimate["estimated_cost"]?.doubleValue ?? 0) > 0.001)
            #expect(estimate["warnings"]?.arrayValue?.contains { $0.stringValue?.contains("max_cost_usd") == true } == true)
            #expect(estimate["estimated_tokens"]?["method"]?.stringValue == "bpe:o200k_base",
                    "install-deps fetched the rank files and the stack reads them")
            #expect(try fake.requestsTotal() == 0, "validation calls no provider")
        }

        @Test func stoppedConsumerFinishesItsCallsInFlightAndGivesTheJobBack() throws {
            try fake.configure(["latency_ms": 800])
            defer { try? fake.reset() }
            let jobID = try api.submit([
                "product": "Slow Answer Speaker", "count": 12, "provider": "openai", "samples_per_call": 1,
            ])
            let id = try #require(UUID(uuidString: jobID))
            let database = try TestStack.database()
            var consumer: ConsumerRecord?
            for _ in 0..<100 where consumer == nil {
                usleep(50_000)
                consumer = try ConsumerStore(database).find(workingOn: id)
            }
            let stopping = try #require(consumer)
            usleep(300_000)  // its first calls are in flight at the fake
            #expect(kill(pid_t(stopping.pid), SIGTERM) == 0)
            #expect(TestStack.exits(pid: stopping.pid, within: 5), "the consumer exits once its calls in flight are answered")

            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed")
            #expect(job.json.samples.count == 12)
            // The answers in flight were stored, not thrown away and bought again.
            let calls = try TestStack.calls(of: jobID)
            #expect(calls.count == 12 && calls.allSatisfy { $0.status == "ok" }, "\(calls.map(\.status))")
            let attempts = try database.execute(
                Statement("attempts", "SELECT attempt FROM job_history WHERE id = $1"), [id])
            #expect(try attempts.first?.decode("attempt", as: Int.self) == 1)
            #expect(TestStack.stackScript("up") == 0)
        }

        @Test func unknownProviderIsRejectedWhenTheJobIsSubmitted() throws {
            let response = try api.post("/api/generate", ["product": "Trail Camera", "count": 2, "provider": "nope"])
            #expect(response.status == 422)
            let loc = response["detail"]?.arrayValue?.first?["loc"]
            #expect(loc == ["body", "provider"])
        }
    }
}
