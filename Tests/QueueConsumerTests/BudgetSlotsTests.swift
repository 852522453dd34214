@testable import QueueConsumer
import Shared
import Testing

@Suite struct BudgetSlotsTests {
    private let key = BudgetKey(provider: "openai", model: "gpt-4o-mini")
    private let now = ContinuousClock.now

    /// A budget whose reservations the test answers, recording what was asked.
    private final class Cluster {
        var grants: [BudgetGrant] = []
        var requests: [BudgetRequest] = []
        var failure: DatabaseError?

        func reserve(_ request: BudgetRequest) throws(DatabaseError) -> BudgetGrant {
            requests.append(request)
            if let failure { throw failure }
            return grants.isEmpty ? BudgetGrant(granted: 0, waitSeconds: 0, stepSeconds: 0) : grants.removeFirst()
        }
    }

    private func slots() -> BudgetSlots {
        BudgetSlots(consumerID: "c1", staleSeconds: 10, utilisation: 0.99)
    }

    private func available(
        _ slots: BudgetSlots, _ cluster: Cluster, wanted: Int, at instant: ContinuousClock.Instant
    ) throws -> Int {
        try slots.available(key, wanted: wanted, inputTokens: 100, outputTokens: 50, now: instant) {
            request throws(DatabaseError) in try cluster.reserve(request)
        }
    }

    @Test func grantedSlotsStartOnTheirTimesAndTheNextSlotIsTheDeadline() throws {
        let budget = slots()
        let cluster = Cluster()
        cluster.grants = [BudgetGrant(granted: 3, waitSeconds: 0, stepSeconds: 0.1)]
        #expect(try available(budget, cluster, wanted: 3, at: now) == 1)
        budget.started(key)
        #expect(budget.nextDeadline(key, now: now) == now + .milliseconds(100))
        #expect(try available(budget, cluster, wanted: 2, at: now + .milliseconds(100)) == 1)
        #expect(cluster.requests.count == 1, "no reservation while a held slot is still to come")
    }

    @Test func aRefusedReservationWaitsForTheRecheckOrAnOwnCallEnding() throws {
        let budget = slots()
        let cluster = Cluster()
        #expect(try available(budget, cluster, wanted: 4, at: now) == 0)
        #expect(budget.nextDeadline(key, now: now) == now + BudgetSlots.refusedRecheck)
        // Turns in between (other calls ending, notifications) do not ask again.
        for step in 1...10 {
            #expect(try available(budget, cluster, wanted: 4, at: now + .milliseconds(step * 20)) == 0)
        }
        #expect(cluster.requests.count == 1)
        #expect(try available(budget, cluster, wanted: 4, at: now + BudgetSlots.refusedRecheck) == 0)
        #expect(cluster.requests.count == 2)
        // One of this consumer's own calls ending frees a place: ask at the next turn.
        budget.started(key)
        budget.finished(key)
        let later = now + BudgetSlots.refusedRecheck + BudgetSlots.reserveInterval
        #expect(budget.nextDeadline(key, now: later) == later)
        cluster.grants = [BudgetGrant(granted: 1, waitSeconds: 0, stepSeconds: 0)]
        #expect(try available(budget, cluster, wanted: 4, at: later) == 1)
    }

    @Test func aFullGrantLetsNewDemandReserveAtOnceAndAShortOneWaitsTheInterval() throws {
        let budget = slots()
        let cluster = Cluster()
        cluster.grants = [BudgetGrant(granted: 2, waitSeconds: 0, stepSeconds: 0)]
        #expect(try available(budget, cluster, wanted: 2, at: now) == 2)
        budget.started(key)
        budget.started(key)
        // More calls a moment later: everything asked was granted, so nothing holds them back.
        let soon = now + .milliseconds(2)
        #expect(budget.nextDeadline(key, now: soon) == soon)
        cluster.grants = [BudgetGrant(granted: 1, waitSeconds: 0, stepSeconds: 0)]
        #expect(try available(budget, cluster, wanted: 3, at: soon) == 1)
        budget.started(key)
        // Only one of three: the budget is contended, so the next reservation waits the interval.
        #expect(budget.nextDeadline(key, now: soon) == soon + BudgetSlots.reserveInterval)
        #expect(try available(budget, cluster, wanted: 2, at: soon + .milliseconds(5)) == 0)
        #expect(cluster.requests.count == 2)
    }

    @Test func correctionsAreOwedUntilAReservationCarriesThem() throws {
        let budget = slots()
        let cluster = Cluster()
        budget.correct(key, input: 30, output: -20)
        cluster.failure = DatabaseError(.connection, message: "gone")
        #expect(throws: DatabaseError.self) { try available(budget, cluster, wanted: 1, at: now) }
        cluster.failure = nil
        _ = try available(budget, cluster, wanted: 1, at: now)
        #expect(cluster.requests.last?.inputCorrection == 30 && cluster.requests.last?.outputCorrection == -20)
        _ = try available(budget, cluster, wanted: 1, at: now + .seconds(1))
        #expect(cluster.requests.last?.inputCorrection == 0, "paid once")
    }

    @Test func slotsUnusedPastTheHorizonAreDropped() throws {
        let budget = slots()
        let cluster = Cluster()
        cluster.grants = [BudgetGrant(granted: 2, waitSeconds: 0, stepSeconds: 0)]
        #expect(try available(budget, cluster, wanted: 2, at: now) == 2)
        let late = now + .seconds(BudgetSlots.horizonSeconds) + .milliseconds(1)
        #expect(try available(budget, cluster, wanted: 2, at: late) == 0)
        #expect(cluster.requests.count == 2, "stale slots were dropped and a new reservation asked for")
    }
}
