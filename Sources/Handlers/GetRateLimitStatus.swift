import Shared

/// `GET /api/rate-limit-status`: the cluster-wide rate budget, from the database — use in the last minute
/// against the limits, calls in flight, pauses, 429s, retries and latency, for the default provider+model at
/// the top (the earlier service's shape) and for every provider+model under `providers`.
struct GetRateLimitStatus: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let store = RateBudgetStore(try context.connection())
        let rows = try store.status(staleSeconds: context.settings.consumerStaleSeconds)
        let metrics = try store.callMetrics()
        let settings = context.settings
        let main = rows.first { $0.provider == settings.provider && $0.model == settings.model }
            ?? BudgetStatus(
                provider: settings.provider, model: settings.model,
                limits: settings.rateLimits.limits(provider: settings.provider, model: settings.model))
        var rateLimiting = Self.describe(main)
        rateLimiting["providers"] = JSONValue.array(rows.map { JSONValue.object(Self.describe($0)) })
        let successRate = metrics.total == 0 ? 1.0 : Double(metrics.successful) / Double(metrics.total)
        return .json([
            "status": "active", "timestamp": .string(RFC3339.format(.now)),
            "rate_limiting": .object(rateLimiting),
            "metrics": [
                "window_seconds": 3600, "total_requests": .int(metrics.total),
                "successful_requests": .int(metrics.successful), "rate_limited_requests": .int(metrics.rateLimited),
                "retried_requests": .int(metrics.retried),
                "average_response_time": .double(metrics.meanLatencyMilliseconds / 1000),
                "success_rate": .double(successRate),
            ],
        ])
    }

    private static func describe(_ status: BudgetStatus) -> JSONObject {
        let limits = status.limits
        let tokenLimit = limits.tokensPerMinute
            ?? limits.inputTokensPerMinute.flatMap { input in limits.outputTokensPerMinute.map { input + $0 } }
        return [
            "provider": .string(status.provider), "model": .string(status.model),
            "enabled": .bool(!limits.isEmpty), "limits_source": .string(status.limitsSource),
            "requests": usage(status.requestsLastMinute, limit: limits.requestsPerMinute),
            "tokens": usage(status.tokensLastMinute, limit: tokenLimit),
            "input_tokens_limit": limits.inputTokensPerMinute.map(JSONValue.int) ?? .null,
            "output_tokens_limit": limits.outputTokensPerMinute.map(JSONValue.int) ?? .null,
            "concurrent_requests": [
                "active": .int(status.inFlight), "limit": limits.maxInFlight.map(JSONValue.int) ?? .null,
            ],
            "paused_until": status.pausedUntil.map { .string(RFC3339.format($0)) } ?? .null,
            "rate_limited_last_minute": .int(status.rateLimitedLastMinute),
            "retried_last_minute": .int(status.retriedLastMinute),
            "mean_latency_ms": .double(status.meanLatencyMilliseconds),
        ]
    }

    /// The earlier service's `{current_usage, limit, usage_percentage, remaining}`; no limit is null.
    private static func usage(_ used: Int, limit: Int?) -> JSONValue {
        guard let limit else {
            return ["current_usage": .int(used), "limit": .null, "usage_percentage": .null, "remaining": .null]
        }
        return [
            "current_usage": .int(used), "limit": .int(limit),
            "usage_percentage": .double((Double(used) * 10_000 / Double(limit)).rounded() / 100),
            "remaining": .int(max(0, limit - used)),
        ]
    }
}
