/// A run that makes no provider call and writes no sample through the outbox: the call-related requirements
/// of `JobRun` answer nothing.
protocol CallFreeRun: JobRun {}

extension CallFreeRun {
    var isWindingDown: Bool { false }
    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall] { [] }
    var nextCallDue: ContinuousClock.Instant? { nil }
    func handle(_ event: CallEvent, costUSD: Double, now: ContinuousClock.Instant) {}
    func withdraw(_ calls: [PlannedCall]) {}
    func processDrafts() {}
    func recorded(_ samples: [RecordedSample], now: ContinuousClock.Instant) {}
}
