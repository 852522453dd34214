import Foundation
import Shared
import Testing

extension StackTests {
    /// Failures of real components while jobs and requests are in flight.
    @Suite
    struct ResilienceTests {
        let api = APIClient()

        @Test func jobOfAConsumerKilledMidJobIsFinishedByAnotherWithoutDuplicates() throws {
            let jobID = try api.submit(product: "Trailblazer Tent", count: 50)
            let running = try api.poll(jobID) { ($0["progress"]?.intValue ?? 0) >= 10 }
            #expect(running["status"] == "running")
            let database = try TestStack.database()
            let id = try #require(UUID(uuidString: jobID))
            let consumer = try #require(try ConsumerStore(database).find(workingOn: id))
            #expect(kill(pid_t(consumer.pid), SIGKILL) == 0)

            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed")
            let rows = try database.execute(
                Statement(
                    "resumed samples",
                    "SELECT count(*) AS n, count(DISTINCT idx) AS indices, min(idx) AS low, max(idx) AS high, "
                        + "count(DISTINCT text) AS texts FROM samples WHERE job_id = $1"), [id])
            let row = try #require(rows.first)
            #expect(try row.decode("n", as: Int.self) == 50)
            #expect(try row.decode("indices", as: Int.self) == 50)
            #expect(try row.decode("low", as: Int.self) == 0)
            #expect(try row.decode("high", as: Int.self) == 49)
            #expect(try row.decode("texts", as: Int.self) == 50)
            #expect(job.json.samples.count == 50)
            let attempts = try database.execute(
                Statement("attempts", "SELECT attempt FROM job_history WHERE id = $1"), [id])
            #expect(try attempts.first?.decode("attempt", as: Int.self) == 2)
            // Bring the killed consumer back for the tests that follow.
            #expect(TestStack.stackScript("up") == 0)
        }

        @Test func consumerStoppedWithSIGTERMReleasesItsJobWithoutSpendingAnAttempt() throws {
            let jobID = try api.submit(product: "Harbor Kettle", count: 50)
            _ = try api.poll(jobID) { ($0["progress"]?.intValue ?? 0) >= 10 }
            let database = try TestStack.database()
            let id = try #require(UUID(uuidString: jobID))
            let consumer = try #require(try ConsumerStore(database).find(workingOn: id))
            #expect(kill(pid_t(consumer.pid), SIGTERM) == 0)
            #expect(TestStack.exits(pid: consumer.pid, within: 5), "the consumer exits after its current sample")

            let job = try api.waitUntilFinished(jobID, seconds: 60)
            #expect(job["status"] == "completed")
            #expect(job.json.samples.count == 50)
            // Released, not rescued: the interrupted run gave its attempt back.
            let attempts = try database.execute(
                Statement("attempts", "SELECT attempt FROM job_history WHERE id = $1"), [id])
            #expect(try attempts.first?.decode("attempt", as: Int.self) == 1)
            let stopped = try database.execute(
                Statement("stopped", "SELECT stopped_at IS NOT NULL AS stopped FROM consumers WHERE id = $1"), [consumer.id])
            #expect(try stopped.first?.decode("stopped", as: Bool.self) == true)
            #expect(TestStack.stackScript("up") == 0)
        }

        @Test func databaseRestartGives503DuringAndRecoversAfter() throws {
            let restart = ChildProcess(TestStack.repositoryRoot + "/scripts/stack.sh", ["restart-db"])
            var statuses: [Int: Int] = [:]
            while restart.isRunning {
                let response = try api.get("/api/jobs?limit=1")
                statuses[response.status, default: 0] += 1
                if response.status != 200 { #expect(response["detail"] != nil) }
                usleep(5_000)
            }
            #expect(restart.wait() == 0)
            #expect(Set(statuses.keys).isSubset(of: [200, 503]), "statuses seen: \(statuses)")
            #expect(statuses[503, default: 0] > 0, "the restart was seen as 503s: \(statuses)")
            // Every handler thread reconnects on its next request.
            var recovered = 0
            for _ in 0..<40 where try api.get("/api/jobs?limit=1").status == 200 { recovered += 1 }
            #expect(recovered == 40)
            // Consumers reconnect too: a new job completes.
            let jobID = try api.submit(count: 2)
            #expect(try api.waitUntilFinished(jobID, seconds: 30)["status"] == "completed")
        }

        @Test func migrationsAreAppliedOnceAndRerunSafely() throws {
            let binaries = TestStack.environment["DATAFORGE_BIN_DIR"] ?? ""
            let output = FileManager.default.temporaryDirectory.appendingPathComponent("migrate-\(UUID()).log").path
            let migrate = ChildProcess(
                binaries + "/dataforge", ["migrate", "--sql-dir", TestStack.repositoryRoot + "/sql"], outputFile: output)
            #expect(migrate.wait() == 0)
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            #expect(text.contains("up to date"))
            let rows = try TestStack.database().execute(
                Statement("migrations", "SELECT count(*) AS n, count(DISTINCT version) AS versions FROM schema_migrations"))
            let row = try #require(rows.first)
            #expect(try row.decode("n", as: Int.self) == row.decode("versions", as: Int.self))
        }
    }
}
