/// A job refused by a key's quota: which one, its limit, what was used, and when to try again.
public struct QuotaExceeded: Sendable, Equatable {
    /// A concurrency slot frees when a job ends, which is not known in advance: a short wait, then retry.
    public static let concurrencyRetrySeconds = 5

    public var quota: Quota
    public var limit: Double
    public var used: Double
    public var retryAfterSeconds: Int

    public init(quota: Quota, limit: Double, used: Double, retryAfterSeconds: Int) {
        self.quota = quota
        self.limit = limit
        self.used = used
        self.retryAfterSeconds = retryAfterSeconds
    }

    public var message: String {
        switch quota {
        case .samplesPerDay: return "The API key's daily sample quota would be exceeded by this job"
        case .costPerDay: return "The API key's daily cost quota is spent"
        case .concurrentJobs: return "The API key has as many unfinished jobs as it may have"
        }
    }

    /// `{"detail", "quota", "limit", "used"}`; counts as integers, the cost in USD as a number.
    public var body: JSONValue {
        func number(_ value: Double) -> JSONValue { quota == .costPerDay ? .double(value) : .int(Int(value)) }
        return [
            "detail": .string(message), "quota": .string(quota.rawValue), "limit": number(limit),
            "used": number(used),
        ]
    }
}
