import Shared

/// This consumer's share of the cluster-wide rate budget: the send times it was granted, per provider+model,
/// and the token corrections it owes the shared budget.
///
/// A grant covers a fraction of a second, so one reservation serves many calls and the shared row is written
/// a few times a second per consumer. A slot may be used late (never early); one unused for longer than the
/// horizon is dropped, since spending it later could crowd a window the provider already filled. It reserves
/// only for calls that wait and only when no held slot is still to come, and after the cluster's in-flight
/// limit refused every slot it asks again only when one of its own calls ends or `refusedRecheck` passed:
/// a consumer whose calls all wait costs nothing.
final class BudgetSlots {
    /// Asks the shared budget for slots (`RateBudgetStore.reserve`; tests pass their own).
    typealias Reserve = (BudgetRequest) throws(DatabaseError) -> BudgetGrant

    /// Slots are granted this far ahead at most.
    static let horizonSeconds = 0.5
    /// After a grant smaller than asked (a limit or other consumers), reservations for that provider+model at
    /// most this often. A grant of everything asked leaves the next demand free to reserve at once: waiting
    /// for the interval there held new calls back for nothing (6 % of a 200 ms provider's throughput).
    static let reserveInterval = Duration.milliseconds(20)
    /// After a refusal (the cluster's calls in flight are at the limit), ask again no sooner than this unless
    /// one of this consumer's own calls ends: others' calls ending is only seen by asking.
    static let refusedRecheck = Duration.milliseconds(250)

    private let consumerID: String
    private let staleSeconds: Double
    private let utilisation: Double
    private var slots: [BudgetKey: [ContinuousClock.Instant]] = [:]
    private var corrections: [BudgetKey: (input: Int, output: Int)] = [:]
    /// When the last grant smaller than asked came, per provider+model.
    private var lastShortGrant: [BudgetKey: ContinuousClock.Instant] = [:]
    private var refusedUntil: [BudgetKey: ContinuousClock.Instant] = [:]
    /// Calls started and not finished, per provider+model.
    private(set) var inFlight: [BudgetKey: Int] = [:]

    init(consumerID: String, staleSeconds: Double, utilisation: Double) {
        self.consumerID = consumerID
        self.staleSeconds = staleSeconds
        self.utilisation = utilisation
    }

    /// How many of `wanted` calls may start now, reserving more of the shared budget when this consumer
    /// holds too little. Each started call must be reported with `started`.
    func available(
        _ key: BudgetKey, wanted: Int, inputTokens: Int, outputTokens: Int, now: ContinuousClock.Instant,
        reserve: Reserve
    ) throws(DatabaseError) -> Int {
        var held = slots[key, default: []]
        held.removeAll { now - $0 > .seconds(Self.horizonSeconds) }
        slots[key] = held
        guard held.count < wanted, held.allSatisfy({ $0 <= now }), now >= nextReservation(key, now: now) else {
            return min(wanted, held.count { $0 <= now })
        }
        let owed = corrections[key] ?? (0, 0)
        let grant = try reserve(
            BudgetRequest(
                provider: key.provider, model: key.model, consumerID: consumerID, slots: wanted - held.count,
                inputTokens: inputTokens, outputTokens: outputTokens, horizonSeconds: Self.horizonSeconds,
                inFlight: inFlight[key, default: 0], staleSeconds: staleSeconds, inputCorrection: owed.input,
                outputCorrection: owed.output, utilisation: utilisation))
        // Forgotten only once the database took them: a failed reservation owes them still.
        corrections[key] = nil
        lastShortGrant[key] = grant.granted < wanted - held.count ? now : nil
        refusedUntil[key] = grant.granted == 0 ? now + Self.refusedRecheck : nil
        for slot in 0..<grant.granted {
            held.append(now + .seconds(grant.waitSeconds + Double(slot) * grant.stepSeconds))
        }
        slots[key] = held
        return min(wanted, held.count { $0 <= now })
    }

    /// When calls waiting for `key` can next move: the next held slot falls due, or a reservation may be made.
    func nextDeadline(_ key: BudgetKey, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        if let slot = slots[key]?.min() { return slot }
        return nextReservation(key, now: now)
    }

    /// Uses the earliest due slot for a call that starts now.
    func started(_ key: BudgetKey) {
        if var held = slots[key], let first = held.indices.min(by: { held[$0] < held[$1] }) {
            held.remove(at: first)
            slots[key] = held
        }
        inFlight[key, default: 0] += 1
    }

    /// A call ended: it frees a place under the in-flight limit, so a refused reservation may be retried.
    func finished(_ key: BudgetKey) {
        inFlight[key, default: 1] -= 1
        refusedUntil[key] = nil
    }

    /// The provider counted `input`/`output` tokens more (or, negative, fewer) than were reserved.
    func correct(_ key: BudgetKey, input: Int, output: Int) {
        let owed = corrections[key] ?? (0, 0)
        corrections[key] = (owed.input + input, owed.output + output)
    }

    /// The provider refused calls: slots held are worthless until the cluster-wide pause ends.
    func dropSlots(_ key: BudgetKey) {
        slots[key] = []
    }

    /// Every provider+model this consumer has called, with its calls in flight now.
    var inFlightCounts: [(provider: String, model: String, inFlight: Int)] {
        inFlight.map { ($0.key.provider, $0.key.model, $0.value) }
    }

    /// The earliest a reservation for `key` may be made (`now` or later).
    private func nextReservation(_ key: BudgetKey, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        let interval = lastShortGrant[key].map { $0 + Self.reserveInterval } ?? now
        return max(now, interval, refusedUntil[key] ?? now)
    }
}
