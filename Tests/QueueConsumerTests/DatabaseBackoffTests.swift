@testable import QueueConsumer
import Shared
import Testing

@Suite struct DatabaseBackoffTests {
    private let now = ContinuousClock.now
    private let lost = DatabaseError(.connection, message: "server closed the connection")
    private let refused = DatabaseError(.server, sqlState: SQLState(rawValue: "P0001"), message: "injected")

    @Test func aFailureHoldsTheDatabaseBackForAGrowingDelay() throws {
        var backoff = DatabaseBackoff()
        #expect(backoff.allows(now))
        backoff.failed(lost, at: now)
        let first = try #require(backoff.retryAt)
        #expect(!backoff.allows(now))
        #expect(first > now && first <= now + .seconds(DatabaseBackoff.policy.bound(afterAttempt: 1)))
        #expect(backoff.allows(first))
        for _ in 0..<10 { backoff.failed(lost, at: now) }
        #expect(try #require(backoff.retryAt) <= now + .seconds(DatabaseBackoff.policy.capSeconds))
        backoff.succeeded()
        #expect(backoff.retryAt == nil && backoff.failures == 0)
    }

    @Test func aLostConnectionIsWaitedOutHoweverLong() {
        var backoff = DatabaseBackoff()
        for _ in 0..<50 { backoff.failed(lost, at: now) }
        #expect(!backoff.shouldGiveUp)
    }

    @Test func aStatementThatKeepsFailingIsGivenUpAfterTheLimit() {
        var backoff = DatabaseBackoff()
        for _ in 1..<DatabaseBackoff.statementFailureLimit { backoff.failed(refused, at: now) }
        #expect(!backoff.shouldGiveUp)
        backoff.failed(lost, at: now)
        backoff.failed(refused, at: now)
        #expect(!backoff.shouldGiveUp, "a reconnect in between starts the count again")
        for _ in 1..<DatabaseBackoff.statementFailureLimit { backoff.failed(refused, at: now) }
        #expect(backoff.shouldGiveUp)
        backoff.gaveUp()
        #expect(!backoff.shouldGiveUp)
    }
}
