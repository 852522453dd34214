#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A key's quotas; nil is unlimited.
public struct KeyLimits: Sendable, Equatable {
    public static let unlimited = KeyLimits()

    public var maxSamplesPerDay: Int?
    /// In USD.
    public var maxCostPerDay: Double?
    public var maxConcurrentJobs: Int?

    public init(maxSamplesPerDay: Int? = nil, maxCostPerDay: Double? = nil, maxConcurrentJobs: Int? = nil) {
        self.maxSamplesPerDay = maxSamplesPerDay
        self.maxCostPerDay = maxCostPerDay
        self.maxConcurrentJobs = maxConcurrentJobs
    }

    init(row: Row) throws(DatabaseError) {
        maxSamplesPerDay = try row.decodeIfPresent("max_samples_per_day")
        maxCostPerDay = try row.decodeIfPresent("max_cost_per_day")
        maxConcurrentJobs = try row.decodeIfPresent("max_concurrent_jobs")
    }

    /// The quota a new job of `samples` would break, or nil when it may be created. Daily quotas come first:
    /// retrying one in a few seconds, as a concurrency refusal invites, would only be refused again. The
    /// sample quota counts the new job's samples (a job is never accepted partly); the cost of a job is not
    /// known before it runs, so the cost quota refuses once today's cost has reached it.
    public func exceeded(by usage: KeyUsage, requesting samples: Int, at now: Date) -> QuotaExceeded? {
        let untilMidnight = Self.secondsToNextUTCMidnight(from: now)
        if let limit = maxSamplesPerDay, usage.samplesToday + samples > limit {
            return QuotaExceeded(
                quota: .samplesPerDay, limit: Double(limit), used: Double(usage.samplesToday),
                retryAfterSeconds: untilMidnight)
        }
        if let limit = maxCostPerDay, usage.costToday >= limit {
            return QuotaExceeded(
                quota: .costPerDay, limit: limit, used: usage.costToday, retryAfterSeconds: untilMidnight)
        }
        if let limit = maxConcurrentJobs, usage.unfinishedJobs >= limit {
            return QuotaExceeded(
                quota: .concurrentJobs, limit: Double(limit), used: Double(usage.unfinishedJobs),
                retryAfterSeconds: QuotaExceeded.concurrencyRetrySeconds)
        }
        return nil
    }

    /// Whole seconds, rounded up, so a client waiting this long is past midnight; at least 1.
    static func secondsToNextUTCMidnight(from now: Date) -> Int {
        let day = 86_400.0
        let elapsed = now.timeIntervalSince1970.truncatingRemainder(dividingBy: day)
        return max(1, Int((day - elapsed).rounded(.up)))
    }
}
