import Foundation
import Shared
import Testing

extension StackTests.FastCGIPoolTests {
    /// Sends a test call that the fake provider answers after 1.5 s, runs `interrupt` while the long-request
    /// pool's worker holds it, and returns the call's answer with the worker's pid.
    func interruptATestCall(_ interrupt: @escaping @Sendable (_ master: pid_t, _ worker: pid_t) -> Void) throws
        -> (answer: APIResponse?, worker: pid_t)
    {
        let fake = FakeProvider()
        try fake.reset()
        try fake.configure(["latency_ms": 1500])
        defer { try? fake.reset() }
        let master = try masterPID("fcgi-long")
        let worker = try #require(children(of: master).first)
        let before = try fake.requestsTotal()
        let answers = concurrently(2) { index -> APIResponse? in
            guard index == 1 else {
                return try? APIClient().post("/api/test-llm", ["provider": "openai", "model": "gpt-4o-mini"])
            }
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, ((try? FakeProvider().requestsTotal()) ?? before) == before { usleep(10_000) }
            interrupt(master, worker)
            return nil
        }
        return (answers.first ?? nil, worker)
    }

    @Test(.enabled(if: FakeProvider.isRunning))
    func workerStoppedWithSIGTERMFinishesTheRequestInFlightAndIsReplaced() throws {
        let (answer, worker) = try interruptATestCall { _, worker in kill(worker, SIGTERM) }
        #expect(answer?.status == 200)
        #expect(answer?["results"]?["health_check"] == true, "the call finished: \(answer?.json.jsonText ?? "")")
        #expect(TestStack.exits(pid: Int(worker), within: 5), "the worker exits once its request is done")
        let master = try masterPID("fcgi-long")
        var replaced = false
        for _ in 0..<100 where !replaced {
            usleep(50_000)
            let now = children(of: master)
            replaced = now.count == 1 && !now.contains(worker)
        }
        #expect(replaced, "the master forks a new worker")
        #expect(try APIClient().post("/api/test-llm", [:]).status == 200)
    }

    @Test(.enabled(if: FakeProvider.isRunning))
    func workerWhoseMasterDiesFinishesTheRequestInFlight() throws {
        let (answer, worker) = try interruptATestCall { master, _ in kill(master, SIGKILL) }
        #expect(answer?.status == 200)
        #expect(answer?["results"]?["health_check"] == true, "the call finished: \(answer?.json.jsonText ?? "")")
        #expect(TestStack.exits(pid: Int(worker), within: 5), "the orphaned worker exits once its request is done")
        #expect(TestStack.stackScript("up") == 0)
        #expect(try APIClient().post("/api/test-llm", [:]).status == 200)
    }
}
