/// A limit a key can be given on the work it creates; the raw value names it in a 429 body.
public enum Quota: String, Sendable, CaseIterable {
    case samplesPerDay = "samples_per_day"
    case costPerDay = "cost_per_day"
    case concurrentJobs = "concurrent_jobs"
}
