/// What a key has used against its quotas: samples requested by the jobs it created today (UTC), the cost
/// of its jobs' provider calls today, and its jobs not yet finished.
public struct KeyUsage: Sendable, Equatable {
    public var samplesToday: Int
    public var costToday: Double
    public var unfinishedJobs: Int

    public init(samplesToday: Int, costToday: Double, unfinishedJobs: Int) {
        self.samplesToday = samplesToday
        self.costToday = costToday
        self.unfinishedJobs = unfinishedJobs
    }

    init(row: Row) throws(DatabaseError) {
        samplesToday = try row.decode("samples_today")
        costToday = try row.decode("cost_today")
        unfinishedJobs = try row.decode("unfinished_jobs")
    }
}
