import Foundation
import Shared
import Testing

extension StackTests {
    /// Retries end: a job is retried while attempts remain and then fails, keeping every attempt's error;
    /// postponements spend nothing.
    @Suite
    struct RetryTests {
        let api = APIClient()

        @Test(.enabled(if: FakeProvider.isRunning))
        func providerFailingEveryCallEndsTheJobAsErrorAfterExactlyMaxAttempts() throws {
            let fake = FakeProvider()
            try fake.reset()
            try fake.configure(["fault_rate": 1.0, "faults": ["500"]])
            defer { try? fake.reset() }
            let database = try TestStack.database()
            let params = GenerationRequest(
                product: "Always Failing Kettle", count: 1, provider: "openai", model: "gpt-4o-mini").params
            let id = try JobStore(database).enqueue(NewJob(kind: "generate", params: params, maxAttempts: 2)).id

            let job = try api.waitUntilFinished(id.sqlText, seconds: 60)
            #expect(job["status"] == "error", "\(job.json.jsonText)")
            let message = try #require(job["error_message"]?.stringValue)
            #expect(message.hasPrefix("Gave up after 2 attempts"), "\(message)")
            let errors = try #require(job["errors"]?.arrayValue)
            #expect(errors.compactMap { $0["attempt"]?.intValue } == [1, 2], "\(errors)")
            #expect(errors.allSatisfy { ($0["message"]?.stringValue ?? "").contains("500") }, "\(errors)")
            #expect(errors.allSatisfy { RFC3339.parse($0["at"]?.stringValue ?? "") != nil })
            #expect(try QueueFixture().attempt(id) == 2)
            let calls = try TestStack.calls(of: id.sqlText)
            #expect(!calls.isEmpty && calls.allSatisfy { $0.status == "retryable" })
        }

        @Test func retryIsScheduledWhileAttemptsRemainAndFailsOnceTheyAreSpent() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue(maxAttempts: 2)
            #expect(try fixture.claim().attempt == 1)
            #expect(try fixture.record(id, .retry(delaySeconds: 0, reason: "first failure")))
            let retried = try fixture.job(id)
            #expect(retried.state == .pending)
            #expect(retried.errors.map(\.message) == ["first failure"])
            #expect(try fixture.claim().attempt == 2)
            #expect(try fixture.record(id, .retry(delaySeconds: 0, reason: "second failure")))
            let failed = try fixture.job(id)
            #expect(failed.state == .error)
            #expect(failed.errorMessage == "Gave up after 2 attempts: second failure")
            #expect(failed.errors.map(\.attempt) == [1, 2])
            #expect(failed.errors.map(\.message) == ["first failure", "second failure"])
            #expect(try fixture.attempt(id) == 2)
        }

        @Test func postponementSpendsNoAttemptAndAddsNoError() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue(maxAttempts: 1)
            for _ in 0..<3 {
                #expect(try fixture.claim().attempt == 1)
                #expect(try fixture.record(id, .postpone(delaySeconds: 0, reason: "Rate limited by the provider")))
            }
            let postponed = try fixture.job(id)
            #expect(postponed.state == .pending)
            #expect(postponed.errors.isEmpty)
            #expect(try fixture.attempt(id) == 0)
        }

        @Test func finalFailureIsAppendedToTheErrorsOfEarlierAttempts() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue(maxAttempts: 3)
            _ = try fixture.claim()
            #expect(try fixture.record(id, .retry(delaySeconds: 0, reason: "timed out")))
            _ = try fixture.claim()
            #expect(try fixture.record(id, .failed(reason: "The provider refused the request", result: [:])))
            let failed = try fixture.job(id)
            #expect(failed.state == .error)
            #expect(failed.errorMessage == "The provider refused the request")
            #expect(failed.errors.map(\.message) == ["timed out", "The provider refused the request"])
            let listed = try api.get("/api/jobs?status=error&limit=100")
            let summary = listed["jobs"]?.arrayValue?.first { $0["job_id"]?.stringValue == id.sqlText }
            #expect(summary?["errors"]?.arrayValue?.count == 2)
        }

        @Test func expiredLeaseIsAppendedToTheErrors() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue()
            _ = try JobStore(fixture.database).claimAvailable(
                queues: [fixture.queue], limit: 1, owner: fixture.owner, leaseSeconds: 0.1)
            usleep(200_000)
            // The stack's own lease rescuer may get there first; either way the job is back in the queue.
            _ = try JobStore(fixture.database).rescueExpiredLeases()
            let rescued = try fixture.job(id)
            #expect(rescued.state == .pending)
            #expect(rescued.errors.map(\.message) == ["lease expired"])
            #expect(rescued.errors.map(\.attempt) == [1])
        }
    }
}
