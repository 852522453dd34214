/// Capped exponential backoff with jitter, for jobs and for provider calls.
///
/// The jitter spreads the retries of many consumers that failed together, so they do not return in lockstep.
public struct RetryPolicy: Sendable {
    public var baseSeconds: Double
    public var capSeconds: Double

    public static let jobDefault = RetryPolicy(baseSeconds: 2, capSeconds: 300)

    public init(baseSeconds: Double, capSeconds: Double) {
        precondition(baseSeconds > 0 && capSeconds >= baseSeconds, "backoff needs 0 < base <= cap")
        self.baseSeconds = baseSeconds
        self.capSeconds = capSeconds
    }

    /// The upper bound of the delay before attempt `attempt + 1`, after `attempt` failures (1-based).
    public func bound(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, min(attempt - 1, 30)))
        return min(capSeconds, baseSeconds * Double(sign: .plus, exponent: Int(exponent), significand: 1))
    }

    /// A delay drawn uniformly from [bound/2, bound]: never zero, so a failing job cannot spin.
    public func delay<Generator: RandomNumberGenerator>(
        afterAttempt attempt: Int, using generator: inout Generator
    ) -> Double {
        let bound = bound(afterAttempt: attempt)
        return Double.random(in: (bound / 2)...bound, using: &generator)
    }

    public func delay(afterAttempt attempt: Int) -> Double {
        var generator = SystemRandomNumberGenerator()
        return delay(afterAttempt: attempt, using: &generator)
    }
}
