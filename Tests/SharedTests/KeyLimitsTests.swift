import Foundation
import Shared
import Testing

@Suite struct KeyLimitsTests {
    /// Ten seconds before a UTC midnight, and a UTC noon.
    let lateEvening = Date(timeIntervalSince1970: 1_772_409_590)
    let noon = Date(timeIntervalSince1970: 1_772_323_200 + 43_200)

    func usage(samples: Int = 0, cost: Double = 0, unfinished: Int = 0) -> KeyUsage {
        KeyUsage(samplesToday: samples, costToday: cost, unfinishedJobs: unfinished)
    }

    @Test func anUnlimitedKeyIsNeverRefused() {
        let heavy = usage(samples: 1_000_000, cost: 1e6, unfinished: 10_000)
        #expect(KeyLimits.unlimited.exceeded(by: heavy, requesting: 1000, at: noon) == nil)
    }

    @Test func aJobMayFillTheDailySampleQuotaButNotPassIt() throws {
        let limits = KeyLimits(maxSamplesPerDay: 10)
        #expect(limits.exceeded(by: usage(samples: 6), requesting: 4, at: noon) == nil)
        let refusal = try #require(limits.exceeded(by: usage(samples: 6), requesting: 5, at: noon))
        #expect(refusal.quota == .samplesPerDay)
        #expect(refusal.limit == 10)
        #expect(refusal.used == 6)
        #expect(refusal.retryAfterSeconds == 43_200)
        #expect(refusal.body["quota"] == "samples_per_day")
        #expect(refusal.body["limit"] == 10)
        #expect(refusal.body["used"] == 6)
        #expect(refusal.body["detail"]?.stringValue?.isEmpty == false)
    }

    @Test func theDailyCostQuotaRefusesOnceSpent() throws {
        let limits = KeyLimits(maxCostPerDay: 2.5)
        #expect(limits.exceeded(by: usage(cost: 2.49), requesting: 100, at: noon) == nil)
        let refusal = try #require(limits.exceeded(by: usage(cost: 2.5), requesting: 1, at: lateEvening))
        #expect(refusal.quota == .costPerDay)
        #expect(refusal.retryAfterSeconds == 10)
        #expect(refusal.body["limit"] == .double(2.5))
        #expect(refusal.body["used"] == .double(2.5))
    }

    @Test func concurrencyRefusesAtTheLimitWithAShortRetry() throws {
        let limits = KeyLimits(maxConcurrentJobs: 1)
        #expect(limits.exceeded(by: usage(unfinished: 0), requesting: 5, at: noon) == nil)
        let refusal = try #require(limits.exceeded(by: usage(unfinished: 1), requesting: 5, at: noon))
        #expect(refusal.quota == .concurrentJobs)
        #expect(refusal.retryAfterSeconds == QuotaExceeded.concurrencyRetrySeconds)
        #expect(refusal.body["quota"] == "concurrent_jobs")
        #expect(refusal.body["limit"] == 1)
        #expect(refusal.body["used"] == 1)
    }

    @Test func aDailyRefusalWinsOverConcurrency() {
        let limits = KeyLimits(maxSamplesPerDay: 5, maxConcurrentJobs: 1)
        #expect(limits.exceeded(by: usage(samples: 5, unfinished: 3), requesting: 1, at: noon)?.quota == .samplesPerDay)
    }

    @Test func aZeroQuotaStopsEveryJob() {
        #expect(KeyLimits(maxConcurrentJobs: 0).exceeded(by: usage(), requesting: 1, at: noon)?.quota == .concurrentJobs)
        #expect(KeyLimits(maxSamplesPerDay: 0).exceeded(by: usage(), requesting: 1, at: noon)?.quota == .samplesPerDay)
    }

    @Test func theQuotaErrorIsA429WithRetryAfter() throws {
        let refusal = try #require(KeyLimits(maxConcurrentJobs: 2).exceeded(by: usage(unfinished: 2), requesting: 1, at: noon))
        let error = APIError.quotaExceeded(refusal)
        #expect(error.status == 429)
        #expect(error.headers.first { $0.0 == "Retry-After" }?.1 == "5")
        #expect(error.body == refusal.body)
    }
}
