import Testing

@testable import Shared

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

@Suite struct RateLimitHeadersTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: [
        ("6m0s", 360.0), ("12ms", 0.012), ("1.5s", 1.5), ("1h2m3s", 3723.0), ("20s", 20.0), ("0s", 0.0), ("0", 0.0),
        ("300us", 0.0003), ("2µs", 0.000002), ("1m30.5s", 90.5), ("7.66s", 7.66), ("45", 45.0), ("250ns", 2.5e-7),
    ])
    func goDurationsAreSeconds(text: String, seconds: Double) throws {
        let parsed = try #require(RateLimitHeaders.goDurationSeconds(text))
        #expect(abs(parsed - seconds) < 1e-12)
    }

    @Test(arguments: ["", "s", "abc", "5x", "1.2.3s", "-1s", "6m0", "1d"])
    func otherDurationsAreRejected(text: String) {
        #expect(RateLimitHeaders.goDurationSeconds(text) == nil)
    }

    @Test func openAIHeadersFillRequestsAndTokens() throws {
        let headers = [
            "x-ratelimit-limit-requests": "10000", "x-ratelimit-remaining-requests": "9998",
            "x-ratelimit-reset-requests": "12ms", "x-ratelimit-limit-tokens": "2000000",
            "x-ratelimit-remaining-tokens": "1999500", "x-ratelimit-reset-tokens": "1m2.5s",
            "content-type": "application/json",
        ]
        let snapshot = try #require(RateLimitHeaders.snapshot(headers, now: Self.now))
        var expected = RateLimitSnapshot()
        expected.requestsLimit = 10000
        expected.requestsRemaining = 9998
        expected.requestsResetSeconds = 0.012
        expected.tokensLimit = 2_000_000
        expected.tokensRemaining = 1_999_500
        expected.tokensResetSeconds = 62.5
        #expect(snapshot == expected)
    }

    @Test func anthropicHeadersFillEveryWindowWithResetsFromNow() throws {
        var headers: [String: String] = ["retry-after": "12"]
        for (resource, limit, remaining, reset) in [
            ("requests", "4000", "3999", "2026-09-21T14:13:32Z"),
            ("tokens", "480000", "479000", "2026-09-21T14:13:21Z"),
            ("input-tokens", "400000", "399000", "2026-09-21T14:13:20.5Z"),
            ("output-tokens", "80000", "80000", "2026-09-21T14:13:00Z"),
        ] {
            headers["anthropic-ratelimit-\(resource)-limit"] = limit
            headers["anthropic-ratelimit-\(resource)-remaining"] = remaining
            headers["anthropic-ratelimit-\(resource)-reset"] = reset
        }
        // 1_790_000_000 is 2026-09-21T14:13:20Z.
        let snapshot = try #require(RateLimitHeaders.snapshot(headers, now: Self.now))
        #expect(snapshot.requestsLimit == 4000 && snapshot.requestsRemaining == 3999)
        #expect(snapshot.requestsResetSeconds == 12)
        #expect(
            snapshot.tokensLimit == 480_000 && snapshot.tokensRemaining == 479_000 && snapshot.tokensResetSeconds == 1)
        #expect(snapshot.inputTokensLimit == 400_000 && snapshot.inputTokensRemaining == 399_000)
        #expect(snapshot.inputTokensResetSeconds == 0.5)
        #expect(snapshot.outputTokensLimit == 80000 && snapshot.outputTokensRemaining == 80000)
        #expect(snapshot.outputTokensResetSeconds == 0, "a reset in the past is now")
        #expect(snapshot.retryAfterSeconds == 12)
    }

    @Test func retryAfterAloneIsASnapshot() throws {
        let snapshot = try #require(RateLimitHeaders.snapshot(["retry-after-ms": "2500"], now: Self.now))
        #expect(snapshot.retryAfterSeconds == 2.5 && snapshot.requestsLimit == nil)
    }

    @Test(
        arguments: [
            [:], ["content-type": "application/json"], ["x-ratelimit-limit-requests": "many"],
            ["anthropic-ratelimit-requests-reset": "tomorrow"],
        ] as [[String: String]])
    func headersWithoutLimitsAreNoSnapshot(headers: [String: String]) {
        #expect(RateLimitHeaders.snapshot(headers, now: Self.now) == nil)
    }
}
