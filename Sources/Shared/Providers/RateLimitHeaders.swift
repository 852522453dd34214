#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the rate-limit headers vendors send with every answer into a `RateLimitSnapshot`.
///
/// Two formats: OpenAI's `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`, whose resets are Go
/// durations (`6m0s`, `12ms`), and Anthropic's `anthropic-ratelimit-{requests,tokens,input-tokens,output-tokens}-
/// {limit,remaining,reset}`, whose resets are RFC 3339 instants. OpenAI-compatible servers that imitate either
/// are read the same way.
public enum RateLimitHeaders {
    /// The state the headers report, or nil when they report none.
    ///
    /// - Parameter now: When the response arrived; Anthropic's reset instants become seconds from it.
    public static func snapshot(_ headers: [String: String], now: Date) -> RateLimitSnapshot? {
        var snapshot = RateLimitSnapshot()
        let anthropic = { (resource: String) in anthropicWindow(headers, resource, now: now) }
        fill(
            &snapshot, \.requestsLimit, \.requestsRemaining, \.requestsResetSeconds,
            from: [openAIWindow(headers, "requests"), anthropic("requests")])
        fill(
            &snapshot, \.tokensLimit, \.tokensRemaining, \.tokensResetSeconds,
            from: [openAIWindow(headers, "tokens"), anthropic("tokens")])
        fill(
            &snapshot, \.inputTokensLimit, \.inputTokensRemaining, \.inputTokensResetSeconds,
            from: [anthropic("input-tokens")])
        fill(
            &snapshot, \.outputTokensLimit, \.outputTokensRemaining, \.outputTokensResetSeconds,
            from: [anthropic("output-tokens")])
        snapshot.retryAfterSeconds = retryAfterSeconds(headers)
        return snapshot == RateLimitSnapshot() ? nil : snapshot
    }

    /// Seconds to wait before retrying: `retry-after-ms` (milliseconds, possibly fractional) when present, else
    /// `retry-after` in seconds. An HTTP-date `retry-after` is ignored: vendors send seconds.
    public static func retryAfterSeconds(_ headers: [String: String]) -> Double? {
        if let milliseconds = nonNegative(headers["retry-after-ms"]) { return milliseconds / 1000 }
        return nonNegative(headers["retry-after"])
    }

    /// Parses a Go duration (`1h2m3.5s`, `6m0s`, `12ms`, `0s`, `0`) into seconds; a bare number counts as
    /// seconds, as some compatible servers send it. Nil for anything else.
    public static func goDurationSeconds(_ text: String) -> Double? {
        if let seconds = nonNegative(text) { return seconds }
        let units: [(suffix: String, seconds: Double)] = [
            ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
        ]
        var rest = Substring(text)
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            rest = rest.dropFirst(number.count)
            let unitText = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            rest = rest.dropFirst(unitText.count)
            guard let value = Double(number), let unit = units.first(where: { $0.suffix == unitText }) else {
                return nil
            }
            total += value * unit.seconds
        }
        return text.isEmpty ? nil : total
    }

    /// One limit as a vendor reports it: its size, what is left, and when it is whole again.
    private struct Window {
        var limit: Int?
        var remaining: Int?
        var resetSeconds: Double?
    }

    private static func openAIWindow(_ headers: [String: String], _ resource: String) -> Window {
        Window(
            limit: headers["x-ratelimit-limit-\(resource)"].flatMap { Int($0) },
            remaining: headers["x-ratelimit-remaining-\(resource)"].flatMap { Int($0) },
            resetSeconds: headers["x-ratelimit-reset-\(resource)"].flatMap(goDurationSeconds))
    }

    private static func anthropicWindow(_ headers: [String: String], _ resource: String, now: Date) -> Window {
        let prefix = "anthropic-ratelimit-\(resource)-"
        let reset = headers[prefix + "reset"].flatMap(RFC3339.parse).map { max(0, $0.timeIntervalSince(now)) }
        return Window(
            limit: headers[prefix + "limit"].flatMap { Int($0) },
            remaining: headers[prefix + "remaining"].flatMap { Int($0) },
            resetSeconds: reset)
    }

    /// Sets the fields the windows report; a vendor sends one format, so at most one window has values.
    private static func fill(
        _ snapshot: inout RateLimitSnapshot, _ limit: WritableKeyPath<RateLimitSnapshot, Int?>,
        _ remaining: WritableKeyPath<RateLimitSnapshot, Int?>, _ reset: WritableKeyPath<RateLimitSnapshot, Double?>,
        from windows: [Window]
    ) {
        for window in windows {
            snapshot[keyPath: limit] = window.limit ?? snapshot[keyPath: limit]
            snapshot[keyPath: remaining] = window.remaining ?? snapshot[keyPath: remaining]
            snapshot[keyPath: reset] = window.resetSeconds ?? snapshot[keyPath: reset]
        }
    }

    private static func nonNegative(_ text: String?) -> Double? {
        guard let text, let value = Double(text.trimmingSpaces), value.isFinite, value >= 0 else { return nil }
        return value
    }
}
