@testable import QueueConsumer
import Shared
import Testing

@Suite struct PipelineRunTests {
    @Test func callsStopAtTheJobsInFlightCapAndNoWakeIsAskedForMeanwhile() throws {
        let fixture = try RunFixture(
            GenerationRequest(product: "Wireless Earbuds", count: 10), environment: ["DATAFORGE_JOB_MAX_IN_FLIGHT": "3"])
        let run = fixture.run
        #expect(run.nextCallDue == fixture.start)
        let calls = run.nextCalls(limit: 8, now: fixture.start)
        #expect(calls.map(\.sampleIndex) == [0, 1, 2])
        #expect(run.nextCallDue == nil, "at its cap the run waits for a call to end, not for a time")
        #expect(run.nextCalls(limit: 8, now: fixture.start).isEmpty)
        run.handle(RunFixture.answered(calls[0]), costUSD: 0, now: fixture.start)
        #expect(run.nextCallDue == fixture.start)
        #expect(fixture.unwritten == [0])
        #expect(run.progress == 0, "progress counts written samples")
        fixture.write(now: fixture.start)
        #expect(run.progress == 10)
    }

    @Test func aTransientFailureIsRetriedAfterItsBackoffAndOnlyThen() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 1))
        let run = fixture.run
        let call = try #require(run.nextCalls(limit: 1, now: fixture.start).first)
        run.handle(RunFixture.failed(call, .retryable(retryAfter: 3)), costUSD: 0, now: fixture.start)
        let due = try #require(run.nextCallDue)
        #expect(due == fixture.start + .seconds(3), "the provider's retry-after is longer than the backoff")
        #expect(run.nextCalls(limit: 1, now: due - .milliseconds(1)).isEmpty)
        let retry = try #require(run.nextCalls(limit: 1, now: due).first)
        #expect(retry.attempt == 2 && retry.sampleIndex == 0)
    }

    @Test func aSampleFailingEveryAttemptRetriesTheJobButAnswersInFlightAreKept() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 2))
        let run = fixture.run
        var now = fixture.start
        var calls = run.nextCalls(limit: 2, now: now)
        let inFlight = calls[1]
        var failing = calls[0]
        for attempt in 1...PipelineRun.callAttempts {
            #expect(failing.attempt == attempt)
            run.handle(RunFixture.failed(failing, .retryable(retryAfter: nil)), costUSD: 0.001, now: now)
            guard attempt < PipelineRun.callAttempts else { break }
            now = try #require(run.nextCallDue)
            calls = run.nextCalls(limit: 2, now: now)
            failing = try #require(calls.first)
        }
        #expect(run.end == nil && run.isWindingDown, "the decision waits for the call in flight")
        #expect(run.nextCallDue == nil && run.nextCalls(limit: 2, now: now).isEmpty)
        run.handle(RunFixture.answered(inFlight), costUSD: 0.002, now: now)
        #expect(fixture.unwritten == [1], "the answer paid for is kept")
        fixture.write(now: now)
        guard case .retry(_, let reason) = try #require(run.end) else {
            Issue.record("expected a retry, got \(String(describing: run.end))")
            return
        }
        #expect(reason.contains("failed \(PipelineRun.callAttempts) times"))
    }

    @Test func aFatalFailureFailsTheRunWithTheProvidersReason() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 3))
        let run = fixture.run
        let calls = run.nextCalls(limit: 3, now: fixture.start)
        run.handle(RunFixture.failed(calls[0], .fatal), costUSD: 0, now: fixture.start)
        #expect(run.end == nil)
        run.handle(RunFixture.answered(calls[1]), costUSD: 0, now: fixture.start)
        run.handle(RunFixture.failed(calls[2], .retryable(retryAfter: nil)), costUSD: 0, now: fixture.start)
        #expect(fixture.unwritten.count == 1)
        fixture.write(now: fixture.start)
        #expect(run.end == .failed(reason: "The provider refused the request: the provider failed"))
    }

    @Test func aCancelEndsTheRunAtOnce() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 3))
        let run = fixture.run
        let calls = run.nextCalls(limit: 3, now: fixture.start)
        run.cancel()
        #expect(run.end == .cancelled)
        run.handle(RunFixture.answered(calls[0]), costUSD: 0, now: fixture.start)
        #expect(fixture.outbox.isEmpty, "nothing more is stored for a cancelled job")
        #expect(try RunFixture(GenerationRequest(product: "Lamp", count: 3), cancelRequested: true).run.end == .cancelled)
    }

    @Test func aLongRateLimitPostponesTheJobAndAShortOneWaits() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 2))
        let run = fixture.run
        let calls = run.nextCalls(limit: 2, now: fixture.start)
        run.handle(RunFixture.failed(calls[0], .rateLimited(retryAfter: 2)), costUSD: 0, now: fixture.start)
        #expect(run.end == nil)
        #expect(run.nextCallDue == fixture.start + .seconds(2))
        run.handle(RunFixture.failed(calls[1], .rateLimited(retryAfter: 90)), costUSD: 0, now: fixture.start)
        #expect(run.end == .postpone(delaySeconds: 90, reason: "Rate limited by the provider"))
    }

    @Test func theCostLimitWaitsForCallsInFlightThenEndsTheJob() throws {
        // gpt-4o-mini: each call is estimated at its whole output allowance.
        let fixture = try RunFixture(
            GenerationRequest(product: "Wireless Earbuds", count: 20, provider: "openai", model: "gpt-4o-mini",
                              maxCostUSD: 0.0008))
        let run = fixture.run
        let calls = run.nextCalls(limit: 20, now: fixture.start)
        #expect(!calls.isEmpty && calls.count < 20, "only what fits the limit starts")
        #expect(run.nextCallDue == nil, "the next call waits for a cost, not a time")
        for call in calls { run.handle(RunFixture.answered(call), costUSD: 0.0003, now: fixture.start) }
        fixture.write(now: fixture.start)
        #expect(run.nextCalls(limit: 20, now: fixture.start).isEmpty)
        guard case .failed(let reason) = try #require(run.end) else {
            Issue.record("expected the cost limit to end the job, got \(String(describing: run.end))")
            return
        }
        #expect(reason.contains("cost limit of $0.0008"))
        #expect(reason.contains("\(calls.count) of 20 samples were kept"))
    }

    @Test func aResumedRunMakesOnlyTheSamplesNotStoredYet() throws {
        let fixture = try RunFixture(
            GenerationRequest(product: "Wireless Earbuds", count: 5),
            resume: ResumePoint(storedIndices: [0, 2, 3], spentUSD: 0))
        let calls = fixture.run.nextCalls(limit: 5, now: fixture.start)
        #expect(calls.map(\.sampleIndex) == [1, 4])
        #expect(fixture.run.progress == 60)
        for call in calls { fixture.run.handle(RunFixture.answered(call), costUSD: 0, now: fixture.start) }
        #expect(fixture.run.end == nil, "the run ends once its samples are written")
        fixture.write(now: fixture.start)
        #expect(fixture.run.end == .completed)
    }

    @Test func aStoppingRunGivesTheJobBackOnceItsCallsEnd() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 4))
        let run = fixture.run
        let calls = run.nextCalls(limit: 3, now: fixture.start)
        run.stop()
        run.withdraw([calls[2]])
        #expect(run.end == nil)
        run.handle(RunFixture.answered(calls[0]), costUSD: 0, now: fixture.start)
        run.handle(RunFixture.answered(calls[1]), costUSD: 0, now: fixture.start)
        #expect(fixture.unwritten.count == 2)
        fixture.write(now: fixture.start)
        #expect(run.end == .postpone(delaySeconds: 0, reason: "consumer stopped"))
    }

    @Test func aRejectedSampleIsReplacedUntilTheCountIsKept() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 2))
        let run = fixture.run
        let calls = run.nextCalls(limit: 8, now: fixture.start)
        #expect(calls.map(\.sampleIndex) == [0, 1], "no more than the count is asked for at first")
        for call in calls { run.handle(RunFixture.answered(call), costUSD: 0, now: fixture.start) }
        fixture.write(rejecting: [1], now: fixture.start)
        #expect(run.end == nil && run.progress == 50)
        let replacement = run.nextCalls(limit: 8, now: fixture.start)
        #expect(replacement.map(\.sampleIndex) == [2])
        run.handle(RunFixture.answered(replacement[0]), costUSD: 0, now: fixture.start)
        fixture.write(now: fixture.start)
        #expect(run.end == .completed)
    }

    @Test func replacementsStopAtTheAllowanceAndTheJobCompletesWithWhatItKept() throws {
        let fixture = try RunFixture(GenerationRequest(product: "Wireless Earbuds", count: 3))
        let run = fixture.run
        var made = 0
        while run.end == nil {
            let calls = run.nextCalls(limit: 8, now: fixture.start)
            try #require(!calls.isEmpty, "a run that has not ended has something to ask")
            made += calls.count
            for call in calls { run.handle(RunFixture.answered(call), costUSD: 0, now: fixture.start) }
            fixture.write(rejecting: Set(0..<100), now: fixture.start)
        }
        #expect(made == 3 + PipelineRun.extraSamples(count: 3))
        #expect(run.end == .completed)
    }

    @Test func aBorderlineSampleWaitsForTheJudgeAndAFailedJudgeKeepsTheHeuristic() throws {
        let overall = try #require(StageTests.scored(StageTests.goodReview).scores?.overall)
        var request = GenerationRequest(product: "Wireless Earbuds", count: 1, templateName: "product_review", kind: .productReview)
        request.qualityFilter = true
        request.minQualityScore = (overall * 100).rounded() / 100
        let fixture = try RunFixture(request)
        let run = fixture.run
        let generation = try #require(run.nextCalls(limit: 4, now: fixture.start).first)
        run.handle(RunFixture.answered(generation, text: StageTests.goodReview), costUSD: 0, now: fixture.start)
        #expect(fixture.unwritten.isEmpty, "the draft waits for its judgement")
        let judge = try #require(run.nextCalls(limit: 4, now: fixture.start).first)
        #expect(judge.purpose == .judge)
        run.handle(RunFixture.failed(judge, .fatal), costUSD: 0, now: fixture.start)
        #expect(fixture.unwritten == [0] && run.end == nil, "a failed judge does not fail the job")
        #expect(fixture.outbox.candidates.first?.draft.coherenceSource == "heuristic")
        fixture.write(now: fixture.start)
        #expect(run.end == .completed)
    }

    @Test func severalSamplesGoInOneCallAndOnlyTheMissingOnesAreAskedAgain() throws {
        let fixture = try RunFixture(
            GenerationRequest(product: "Wireless Earbuds", count: 12), environment: ["DATAFORGE_SAMPLES_PER_CALL": "5"])
        let run = fixture.run
        let calls = run.nextCalls(limit: 8, now: fixture.start)
        #expect(calls.count == 3, "12 samples at 5 a call")
        #expect(calls[0].request.responseSchema?.name == "samples")
        #expect(calls[0].request.messages.last?.content.contains("### Brief 4") == true)
        // A short array, with one item malformed: the good items are kept, the others asked again.
        let answer = #"{"samples":[{"index":0,"text":"First text about the earbuds."},{"index":2,"text":""},"#
            + #"{"index":3,"text":"Fourth text about the earbuds."}]}"#
        run.handle(RunFixture.answered(calls[0], text: answer), costUSD: 0, now: fixture.start)
        #expect(fixture.unwritten == [0, 3])
        let again = try #require(run.nextCalls(limit: 8, now: fixture.start).first)
        #expect(again.sampleIndex == 1 && again.attempt == 2)
        #expect(again.request.messages.last?.content.contains("### Brief 2") == true)
        #expect(again.request.messages.last?.content.contains("### Brief 0") == false)
    }
}
