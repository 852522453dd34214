import Foundation
import Shared
import Testing

extension StackTests {
    /// The cluster-wide budget's arithmetic (`rate_reserve` in sql/0005), called as consumers call it.
    @Suite
    struct RateBudgetTests {
        let store: RateBudgetStore
        let model = "budget-\(UInt32.random(in: 0...UInt32.max))"

        init() throws {
            store = RateBudgetStore(try TestStack.database())
        }

        func reserve(_ slots: Int, consumer: String = "budget-test", input: Int = 100, output: Int = 100,
                     horizon: Double = 0.5, inFlight: Int = 0) throws -> BudgetGrant {
            try store.reserve(
                BudgetRequest(
                    provider: "test", model: model, consumerID: consumer, slots: slots, inputTokens: input,
                    outputTokens: output, horizonSeconds: horizon, inFlight: inFlight, staleSeconds: 60,
                    inputCorrection: 0, outputCorrection: 0, utilisation: 1))
        }

        @Test func slotsAreSpacedByTheRequestLimitAndOnlyAsFarAheadAsTheHorizon() throws {
            try store.configure(provider: "test", model: model, limits: RateLimits(requestsPerMinute: 600))
            let before = ContinuousClock.now
            let first = try reserve(100)
            #expect(first.stepSeconds == 0.1)
            #expect(first.granted == 6, "slots at 0, 0.1 … 0.5 s")
            #expect(first.waitSeconds == 0)
            let second = try reserve(100, consumer: "another")
            let elapsed = (ContinuousClock.now - before).seconds
            #expect(second.granted == 1, "the horizon is already taken: one slot, after the first grant's")
            // 0.6 s after the first reservation, less the time that passed between the two.
            #expect(second.waitSeconds <= 0.6 && second.waitSeconds >= 0.6 - elapsed)
        }

        @Test func theSlowestLimitSetsTheSpacing() throws {
            // 1,000 tokens a minute and 200 a call: a call every 12 s, however many requests are allowed.
            try store.configure(
                provider: "test", model: model, limits: RateLimits(requestsPerMinute: 6000, tokensPerMinute: 1000))
            let grant = try reserve(10)
            #expect(grant.stepSeconds == 12)
            #expect(grant.granted == 1)
        }

        @Test func aPauseHoldsBackEveryReservation() throws {
            try store.configure(provider: "test", model: model, limits: RateLimits(requestsPerMinute: 6000))
            let before = ContinuousClock.now
            try store.pause(provider: "test", model: model, seconds: 3)
            let grant = try reserve(5)
            let elapsed = (ContinuousClock.now - before).seconds
            #expect(grant.waitSeconds <= 3 && grant.waitSeconds >= 3 - elapsed)
        }

        @Test func inFlightLimitCountsEveryLiveConsumer() throws {
            try store.configure(provider: "test", model: model, limits: RateLimits(maxInFlight: 5))
            let connection = try TestStack.database()
            for consumer in ["budget-a", "budget-b"] {
                try ConsumerStore(connection).register(id: consumer, host: "test", pid: 1, queues: [])
            }
            defer {
                for consumer in ["budget-a", "budget-b"] { try? ConsumerStore(connection).markStopped(id: consumer) }
            }
            #expect(try reserve(4, consumer: "budget-a").granted == 4)
            #expect(try reserve(4, consumer: "budget-b").granted == 1)
            #expect(try reserve(4, consumer: "budget-b", inFlight: 1).granted == 0)
        }

        @Test func unlimitedModelsGrantEverythingAtOnce() throws {
            let grant = try reserve(50)
            #expect(grant.granted == 50)
            #expect(grant.stepSeconds == 0)
        }

        @Test func learnedLimitsNeverReplaceConfiguredOnes() throws {
            try store.configure(provider: "test", model: model, limits: RateLimits(requestsPerMinute: 100))
            try store.learn(provider: "test", model: model, limits: RateLimits(requestsPerMinute: 5000))
            let row = try #require(try store.status(staleSeconds: 60).first { $0.model == model })
            #expect(row.limits.requestsPerMinute == 100)
            #expect(row.limitsSource == "config")

            let learned = model + "-learned"
            try store.learn(provider: "test", model: learned, limits: RateLimits(requestsPerMinute: 5000))
            let other = try #require(try store.status(staleSeconds: 60).first { $0.model == learned })
            #expect(other.limits.requestsPerMinute == 5000)
            #expect(other.limitsSource == "headers")
        }
    }
}
