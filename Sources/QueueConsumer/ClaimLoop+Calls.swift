import Shared
import Logging

/// The loop's provider calls: asking the runs for calls, answering from the response cache, starting what the
/// budget allows.
extension ClaimLoop {
    /// Asks the runs for calls, fairly, up to the dispatcher's free capacity; answers what the response cache
    /// can; starts what the budget allows.
    func dispatchCalls(now: ContinuousClock.Instant) throws(DatabaseError) {
        var free = dispatcher.freeCapacity
        var planned: [PlannedCall] = []
        let active = runs.values.filter { $0.nextCallDue.map { $0 <= now } ?? false }
        for (position, run) in active.enumerated() where free > 0 {
            let share = max(1, free / (active.count - position))
            let calls = run.nextCalls(limit: min(share, free), now: now)
            planned += calls
            free -= calls.count
        }
        if !planned.isEmpty { dispatcher.submit(planned, cached: cachedAnswers(planned), now: now) }
        let store = RateBudgetStore(connection)
        try dispatcher.startAllowed(now: now) { request throws(DatabaseError) in try store.reserve(request) }
    }

    /// The response cache's answers to `planned`, by position. The calls are already taken from their runs,
    /// so a failed lookup answers nothing rather than failing them: the cache only saves calls.
    private func cachedAnswers(_ planned: [PlannedCall]) -> [Int: Completion] {
        let cacheable = planned.indices.compactMap { index in planned[index].cacheKey.map { (index, $0) } }
        guard !cacheable.isEmpty else { return [:] }
        var cached: [Int: Completion] = [:]
        do {
            for (found, completion) in try ResponseCacheStore(connection).lookup(cacheable.map(\.1)) {
                cached[cacheable[found].0] = completion
            }
        } catch {
            logger.warning("response cache not read", metadata: ["error": "\(error.debugDescription)"])
        }
        return cached
    }
}
