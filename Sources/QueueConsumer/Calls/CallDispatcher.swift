import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Keeps many provider calls in flight on the consumer's one thread: HTTP calls through libcurl's multi
/// interface, paced by the cluster-wide rate budget; local answers (the offline provider, the response cache)
/// after their simulated delay.
///
/// It never writes a job's data; `CallLedger` records what it returns and the job runs consume it.
final class CallDispatcher {
    let capacity: Int
    private let multi: HTTPMulti
    let budget: BudgetSlots
    /// HTTP calls waiting for a budget slot, oldest first.
    private var waiting: [(call: PlannedCall, request: HTTPRequest)] = []
    private var flying: [Int: (call: PlannedCall, timeoutSeconds: Double)] = [:]
    private var local: [(due: ContinuousClock.Instant, event: CallEvent)] = []
    private var nextTag = 0

    init(capacity: Int, budget: BudgetSlots, caFile: String?, maxResponseBytes: Int = HTTPMulti.defaultMaxResponseBytes) {
        self.capacity = capacity
        self.budget = budget
        multi = HTTPMulti(caFile: caFile, maxResponseBytes: maxResponseBytes)
    }

    /// Calls accepted and not yet returned by `poll`.
    var pending: Int { waiting.count + flying.count + local.count }
    var freeCapacity: Int { max(0, capacity - pending) }

    /// Accepts calls; `cached` holds the answers the response cache already has, by position in `calls`.
    func submit(_ calls: [PlannedCall], cached: [Int: Completion], now: ContinuousClock.Instant) {
        for (position, call) in calls.enumerated() {
            if let completion = cached[position] {
                local.append((now, CallEvent(call: call, result: .success(completion), latencyMilliseconds: 0,
                                             cached: true, remote: false, rateLimits: nil)))
                continue
            }
            switch call.provider.prepare(call.request) {
            case .local(let result, let delay):
                local.append((now + delay, CallEvent(call: call, result: result,
                                                     latencyMilliseconds: delay.milliseconds, cached: false,
                                                     remote: false, rateLimits: nil)))
            case .http(let request):
                waiting.append((call, request))
            }
        }
    }

    /// Starts the waiting calls the budget allows now, oldest first within each provider+model.
    func startAllowed(now: ContinuousClock.Instant, reserve: BudgetSlots.Reserve) throws(DatabaseError) {
        guard !waiting.isEmpty else { return }
        // Per provider+model: how many wait, and the oldest, whose size stands for the slice reserved.
        var demand: [BudgetKey: (wanted: Int, oldest: PlannedCall)] = [:]
        for (call, _) in waiting { demand[call.budgetKey, default: (0, call)].wanted += 1 }
        var allowance: [BudgetKey: Int] = [:]
        for (key, entry) in demand {
            allowance[key] = try budget.available(
                key, wanted: entry.wanted, inputTokens: entry.oldest.inputTokenEstimate,
                outputTokens: entry.oldest.request.maxOutputTokens, now: now, reserve: reserve)
        }
        var still: [(call: PlannedCall, request: HTTPRequest)] = []
        for entry in waiting {
            let key = entry.call.budgetKey
            guard let left = allowance[key], left > 0 else {
                still.append(entry)
                continue
            }
            allowance[key] = left - 1
            budget.started(key)
            nextTag += 1
            flying[nextTag] = (entry.call, entry.request.timeoutSeconds)
            multi.start(entry.request, tag: nextTag)
        }
        waiting = still
    }

    /// When the dispatcher next has something to do without any socket waking it: a local answer falls due,
    /// or calls waiting for the budget can move. nil: only a call in flight ending can change anything.
    func nextDeadline(now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        var deadline = local.map(\.due).min()
        for key in Set(waiting.map(\.call.budgetKey)) {
            let due = budget.nextDeadline(key, now: now)
            deadline = min(deadline ?? due, due)
        }
        return deadline
    }

    /// Waits until `deadline` at most (returning sooner when a call ends or `descriptor` becomes readable)
    /// and returns the calls that ended, and whether `descriptor` is readable.
    func poll(until deadline: ContinuousClock.Instant, now: ContinuousClock.Instant, watching descriptor: Int32)
        -> (events: [CallEvent], readable: Bool)
    {
        let waitMilliseconds = Int32(min(60_000, max(0, (deadline - now).milliseconds.rounded(.up))))
        let (finished, readable) = multi.poll(timeoutMilliseconds: waitMilliseconds, watching: descriptor)
        var events: [CallEvent] = []
        for done in finished {
            guard let (call, timeout) = flying.removeValue(forKey: done.tag) else { continue }
            budget.finished(call.budgetKey)
            events.append(event(for: call, timeoutSeconds: timeout, finished: done))
        }
        let after = ContinuousClock.now
        local.removeAll { entry in
            guard entry.due <= after else { return false }
            events.append(entry.event)
            return true
        }
        return (events, readable)
    }

    /// Gives up every call in flight (a stopping consumer's deadline passed): each ends as a retryable failure,
    /// so it is still recorded.
    func abandonInFlight() -> [CallEvent] {
        var events: [CallEvent] = []
        for done in multi.abortAll() {
            guard let (call, timeout) = flying.removeValue(forKey: done.tag) else { continue }
            budget.finished(call.budgetKey)
            events.append(event(for: call, timeoutSeconds: timeout, finished: done))
        }
        return events
    }

    /// Takes back a job's calls still waiting for a budget slot (none of them was sent).
    func takeBackWaiting(jobID: UUID) -> [PlannedCall] {
        let taken = waiting.filter { $0.call.jobID == jobID }.map(\.call)
        waiting.removeAll { $0.call.jobID == jobID }
        return taken
    }

    /// Forgets every unsent call of a job that ended; its calls in flight still finish and are recorded.
    func forget(jobID: UUID) {
        waiting.removeAll { $0.call.jobID == jobID }
    }

    /// Whether any call of the job waits for the budget (and so could be taken back).
    func hasWaiting(jobID: UUID) -> Bool {
        waiting.contains { $0.call.jobID == jobID }
    }

    private func event(for call: PlannedCall, timeoutSeconds: Double, finished: HTTPMulti.Finished) -> CallEvent {
        let milliseconds = finished.seconds * 1000
        switch finished.result {
        case .success(let response):
            return CallEvent(
                call: call, result: call.provider.interpret(response, for: call.request),
                latencyMilliseconds: milliseconds, cached: false, remote: true,
                rateLimits: call.provider.rateLimits(in: response))
        case .failure(let error):
            return CallEvent(
                call: call, result: .failure(ProviderErrors.transport(error, timeoutSeconds: timeoutSeconds)),
                latencyMilliseconds: milliseconds, cached: false, remote: true, rateLimits: nil)
        }
    }
}
