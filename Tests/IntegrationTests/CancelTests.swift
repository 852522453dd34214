import Foundation
import Shared
import Testing

extension StackTests {
    /// `DELETE /api/job/{id}` says what will happen, and a cancel it accepted is what the job ends with.
    @Suite
    struct CancelTests {
        let api = APIClient()

        @Test func queuedJobCancelIsAnsweredAsDone() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue()
            let answer = try api.delete("/api/job/\(id.sqlText)")
            #expect(answer.status == 200)
            #expect(answer["status"] == "cancelled")
            #expect(answer["cancel"] == "done")
            #expect(try fixture.job(id).state == .cancelled)
        }

        @Test func runningJobCancelIsAnsweredAsRequestedNotDone() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue()
            _ = try fixture.claim()
            let answer = try api.delete("/api/job/\(id.sqlText)")
            #expect(answer["status"] == "cancelled")
            #expect(answer["cancel"] == "requested")
            #expect(answer["message"]?.stringValue?.hasPrefix("Cancel requested") == true)
            #expect(try api.get("/api/result/\(id.sqlText)")["status"] == "running")
        }

        @Test func acceptedCancelWinsOverACompletionWrittenAfterIt() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue()
            _ = try fixture.claim()
            #expect(try api.delete("/api/job/\(id.sqlText)")["cancel"] == "requested")
            // The consumer had not seen the flag: its run completed with every sample.
            #expect(try fixture.record(id, .completed(result: ["totals": ["samples": 3]])))
            let job = try api.get("/api/result/\(id.sqlText)")
            #expect(job["status"] == "cancelled")
            #expect(job["error_message"] == .null)
        }

        @Test func acceptedCancelEndsAJobWhoseRunAskedForARetry() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue(maxAttempts: 5)
            _ = try fixture.claim()
            #expect(try api.delete("/api/job/\(id.sqlText)")["cancel"] == "requested")
            #expect(try fixture.record(id, .retry(delaySeconds: 60, reason: "The provider failed 3 times")))
            let job = try fixture.job(id)
            #expect(job.state == .cancelled)
            #expect(job.errors.map(\.message) == ["The provider failed 3 times"])
        }

        @Test func acceptedCancelOfAPostponedJobEndsItAtTheNextClaim() throws {
            let fixture = try QueueFixture()
            let id = try fixture.enqueue()
            _ = try fixture.claim()
            #expect(try api.delete("/api/job/\(id.sqlText)")["cancel"] == "requested")
            #expect(try fixture.record(id, .postpone(delaySeconds: 3600, reason: "Rate limited by the provider")))
            // Due at once despite the hour asked for, and claimed with its flag set.
            #expect(try fixture.claim().cancelRequested)
        }
    }
}
