import Shared
import Testing

@Suite struct RetryPolicyTests {
    @Test(arguments: [(1, 2.0), (2, 4.0), (3, 8.0), (4, 16.0), (5, 32.0), (8, 256.0), (9, 300.0), (10, 300.0)])
    func boundDoublesPerAttemptUpToTheCap(attempt: Int, bound: Double) {
        #expect(RetryPolicy.jobDefault.bound(afterAttempt: attempt) == bound)
    }

    @Test(arguments: [0, -5])
    func attemptsBelowOneUseTheBase(attempt: Int) {
        #expect(RetryPolicy(baseSeconds: 0.5, capSeconds: 60).bound(afterAttempt: attempt) == 0.5)
    }

    @Test(arguments: [31, 64, 1000, Int.max])
    func veryLateAttemptsStayAtTheCap(attempt: Int) {
        let bound = RetryPolicy(baseSeconds: 1, capSeconds: 1e300).bound(afterAttempt: attempt)
        #expect(bound.isFinite && bound > 0)
        #expect(RetryPolicy.jobDefault.bound(afterAttempt: attempt) == 300)
    }

    @Test func boundsNeverDecrease() {
        let policy = RetryPolicy(baseSeconds: 0.25, capSeconds: 45)
        let bounds = (1...40).map { policy.bound(afterAttempt: $0) }
        #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(bounds.last == 45)
    }

    @Test(arguments: [1, 2, 5, 8, 9, 20])
    func delaysLieBetweenHalfTheBoundAndTheBound(attempt: Int) {
        let policy = RetryPolicy.jobDefault
        let bound = policy.bound(afterAttempt: attempt)
        var generator = SplitMix64(state: UInt64(attempt) &* 7919)
        let delays = (0..<5_000).map { _ in policy.delay(afterAttempt: attempt, using: &generator) }
        #expect(delays.allSatisfy { $0 >= bound / 2 && $0 <= bound })
        // Jittered, not constant: the draws spread over most of the interval.
        let spread = (delays.max() ?? 0) - (delays.min() ?? 0)
        #expect(spread > bound / 2 * 0.9)
    }

    @Test(arguments: [0, 1, 2, 40])
    func delayIsNeverZeroEvenForATinyBase(attempt: Int) {
        let policy = RetryPolicy(baseSeconds: 0.001, capSeconds: 0.001)
        var generator = SplitMix64(state: 42)
        let delays = (0..<10_000).map { _ in policy.delay(afterAttempt: attempt, using: &generator) }
        #expect(delays.allSatisfy { $0 >= 0.0005 && $0 <= 0.001 })
    }

    @Test func systemRandomDelaysAreWithinBounds() {
        let policy = RetryPolicy(baseSeconds: 1, capSeconds: 10)
        for attempt in 1...10 {
            let bound = policy.bound(afterAttempt: attempt)
            let delay = policy.delay(afterAttempt: attempt)
            #expect(delay >= bound / 2 && delay <= bound && delay > 0)
        }
    }
}
