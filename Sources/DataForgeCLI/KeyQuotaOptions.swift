import ArgumentParser
import Shared

/// The quota options of `keys create` and `keys limits`; an option left out is unlimited.
struct KeyQuotaOptions: ParsableArguments {
    @Option(help: "Samples the key's jobs may request per UTC day.") var maxSamplesPerDay: Int?
    @Option(help: "USD the key's jobs may spend on provider calls per UTC day.") var maxCostPerDay: Double?
    @Option(help: "Unfinished jobs the key may have at once.") var maxConcurrentJobs: Int?

    func validate() throws {
        if let value = maxSamplesPerDay, value < 0 { throw ValidationError("--max-samples-per-day must be 0 or more") }
        if let value = maxCostPerDay, !(value >= 0 && value < 1e10) {
            throw ValidationError("--max-cost-per-day must be a number of USD, 0 or more")
        }
        if let value = maxConcurrentJobs, value < 0 { throw ValidationError("--max-concurrent-jobs must be 0 or more") }
    }

    var limits: KeyLimits {
        KeyLimits(maxSamplesPerDay: maxSamplesPerDay, maxCostPerDay: maxCostPerDay, maxConcurrentJobs: maxConcurrentJobs)
    }

    /// For the audit row: every quota, null when unlimited.
    static func json(_ limits: KeyLimits) -> JSONValue {
        [
            Quota.samplesPerDay.rawValue: limits.maxSamplesPerDay.map { .int($0) } ?? .null,
            Quota.costPerDay.rawValue: limits.maxCostPerDay.map { .double($0) } ?? .null,
            Quota.concurrentJobs.rawValue: limits.maxConcurrentJobs.map { .int($0) } ?? .null,
        ]
    }

    static func describe(_ limits: KeyLimits) -> String {
        func text(_ value: CustomStringConvertible?) -> String { value?.description ?? "unlimited" }
        return "samples/day \(text(limits.maxSamplesPerDay)), cost/day \(text(limits.maxCostPerDay)) USD, "
            + "concurrent jobs \(text(limits.maxConcurrentJobs))"
    }

    /// For `keys list`: the quotas set, as `samples/day=N,cost/day=USD,jobs=N`; `-` when none is.
    static func compact(_ limits: KeyLimits) -> String {
        let set = [
            limits.maxSamplesPerDay.map { "samples/day=\($0)" }, limits.maxCostPerDay.map { "cost/day=\($0)" },
            limits.maxConcurrentJobs.map { "jobs=\($0)" },
        ].compactMap { $0 }
        return set.isEmpty ? "-" : set.joined(separator: ",")
    }
}
