import Foundation
import Synchronization
import Shared
import Testing

extension StackTests {
    /// Per-key quotas with `DATAFORGE_AUTH=on`, through the handler binary as `AccessTests` runs it.
    @Suite
    struct QuotaTests {
        let access = AccessTests()

        /// A read-write key with these limits, as `dataforge keys create --max-…` makes it.
        func key(_ limits: KeyLimits) throws -> APIKeyToken {
            let token = APIKeyToken.generate()
            _ = try APIKeyStore(try TestStack.database()).create(
                token, name: "quota test", scopes: [.read, .write], limits: limits)
            return token
        }

        /// A job of the key's on a queue no consumer serves, so it stays unfinished for as long as the test needs.
        func parkedJob(of key: APIKeyToken) throws -> UUID {
            let job = NewJob(
                kind: "generate", queue: "quota-parked", params: ["product": "Desk Lamp", "count": 1],
                ownerKeyID: key.id)
            return try JobStore(try TestStack.database()).enqueue(job).id
        }

        func generate(_ count: Int, key: APIKeyToken, path: String = "/api/generate") throws -> AccessTests.Answer {
            try access.call("POST", path, key: key.text, body: #"{"product":"Desk Lamp","count":\#(count)}"#)
        }

        func retryAfter(_ answer: AccessTests.Answer) -> Int? {
            answer.head.components(separatedBy: "\r\n").first { $0.hasPrefix("Retry-After: ") }
                .flatMap { Int($0.dropFirst("Retry-After: ".count)) }
        }

        @Test func aSecondUnfinishedJobIsRefusedAtOneConcurrentJob() throws {
            let limited = try key(KeyLimits(maxConcurrentJobs: 1))
            let parked = try parkedJob(of: limited)
            defer { _ = try? JobStore(try TestStack.database()).cancelQueued(parked) }
            for path in ["/api/generate", "/api/generate-enhanced"] {
                let answer = try generate(1, key: limited, path: path)
                #expect(answer.status == 429)
                #expect(answer.json["quota"] == "concurrent_jobs")
                #expect(answer.json["limit"] == 1)
                #expect(answer.json["used"] == 1)
                #expect(answer.json["detail"]?.stringValue?.isEmpty == false)
                #expect(retryAfter(answer) == QuotaExceeded.concurrencyRetrySeconds)
            }
            #expect(try JobStore(try TestStack.database()).cancelQueued(parked))
            #expect(try generate(1, key: limited).status == 200)
        }

        @Test func aJobThatWouldPassTheDailySamplesIsRefusedUntilMidnight() throws {
            let limited = try key(KeyLimits(maxSamplesPerDay: 10))
            #expect(try generate(6, key: limited).status == 200)
            let answer = try generate(5, key: limited)
            #expect(answer.status == 429)
            #expect(answer.json["quota"] == "samples_per_day")
            #expect(answer.json["limit"] == 10)
            #expect(answer.json["used"] == 6)
            let wait = try #require(retryAfter(answer))
            let untilMidnight = 86_400 - Int(Date().timeIntervalSince1970) % 86_400
            #expect(wait >= 1 && abs(wait - untilMidnight) <= 5)
            #expect(try generate(4, key: limited).status == 200)
            #expect(try generate(1, key: limited).status == 429)
        }

        @Test func aKeyWithoutLimitsIsUnaffected() throws {
            let free = try key(.unlimited)
            let parked = try (0..<3).map { _ in try parkedJob(of: free) }
            defer { for id in parked { _ = try? JobStore(try TestStack.database()).cancelQueued(id) } }
            #expect(try generate(50, key: free).status == 200)
            #expect(try generate(50, key: free).status == 200)
        }

        /// The key's row is locked from the check to the job's commit: requests racing on one key cannot
        /// together pass its quota.
        @Test func concurrentRequestsCannotRacePastTheQuota() throws {
            let limited = try key(KeyLimits(maxSamplesPerDay: 10))
            let statuses = concurrently(8) { _ in (try? generate(3, key: limited).status) ?? 0 }
            #expect(statuses.filter { $0 == 200 }.count == 3)
            #expect(statuses.filter { $0 == 429 }.count == 5)
            let usage = try APIKeyStore(try TestStack.database()).usage(id: limited.id)
            #expect(usage.samplesToday == 9)
        }

        /// A request waits for the key's row while another transaction holds it, then counts that
        /// transaction's job: without the lock it would have counted without it and passed the quota.
        @Test func aRequestWaitsForTheKeysLockAndCountsWhatItGuarded() throws {
            let limited = try key(KeyLimits(maxSamplesPerDay: 3))
            let holder = try TestStack.database()
            let status = Mutex<Int?>(nil)
            let answered = DispatchSemaphore(value: 0)
            let parked = try holder.transaction { connection in
                _ = try APIKeyStore(connection).lockLimits(id: limited.id)
                let job = NewJob(
                    kind: "generate", queue: "quota-parked", params: ["product": "Desk Lamp", "count": 3],
                    ownerKeyID: limited.id)
                let id = try JobStore(connection).enqueue(job).id
                Thread.detachNewThread {
                    let code = (try? generate(1, key: limited).status) ?? 0
                    status.withLock { $0 = code }
                    answered.signal()
                }
                Thread.sleep(forTimeInterval: 1)
                #expect(status.withLock { $0 } == nil)
                return id
            }
            defer { _ = try? JobStore(try TestStack.database()).cancelQueued(parked) }
            #expect(answered.wait(timeout: .now() + 30) == .success)
            #expect(status.withLock { $0 } == 429)
        }

        @Test func limitsAreSetWithTheCommandLine() throws {
            let made = try access.cli(["keys", "create", "--name", "cli quota", "--scopes", "read,write", "--max-concurrent-jobs", "0"])
            #expect(made.status == 0)
            let text = try #require(made.output.split(separator: "\n").first { $0.hasPrefix("dfk_") }.map(String.init))
            let token = try #require(APIKeyToken(text: text))
            #expect(try generate(1, key: token).status == 429)
            #expect(try access.listedLimits(token.id) == "jobs=0")
            let changed = try access.cli(["keys", "limits", token.id, "--max-samples-per-day", "2"])
            #expect(changed.status == 0)
            #expect(try access.listedLimits(token.id) == "samples/day=2", "a quota not given becomes unlimited")
            let all = ["--max-samples-per-day", "5", "--max-cost-per-day", "2.5", "--max-concurrent-jobs", "3"]
            let full = try access.cli(["keys", "create", "--name", "cli quotas", "--scopes", "read"] + all)
            let fullID = try #require(
                full.output.split(separator: "\n").first { $0.hasPrefix("dfk_") }.flatMap { APIKeyToken(text: String($0)) }
            ).id
            #expect(try access.listedLimits(fullID) == "samples/day=5,cost/day=2.5,jobs=3")
            #expect(try generate(2, key: token).status == 200)
            let refused = try generate(1, key: token)
            #expect(refused.json["quota"] == "samples_per_day")
            #expect(try access.cli(["keys", "limits", token.id, "--max-cost-per-day", "-1"]).status != 0)
        }
    }
}
