import Shared

/// This consumer's share of the cluster-wide rate budget: the send times it was granted, per provider+model,
/// and the token corrections it owes the shared budget.
///
/// A grant covers a fraction of a second, so one reservation serves many calls and the shared row is written
/// a few times a second per consumer. A slot may be used late (never early); one unused for longer than the
/// horizon is dropped, since spending it later could crowd a window the provider already filled.
final class BudgetSlots {
    /// Slots are granted this far ahead at most.
    static let horizonSeconds = 0.5
    /// Reservations for one provider+model at most this often, whatever the demand.
    static let reserveInterval = Duration.milliseconds(20)

    private let consumerID: String
    private let staleSeconds: Double
    private let utilisation: Double
    private var slots: [BudgetKey: [ContinuousClock.Instant]] = [:]
    private var corrections: [BudgetKey: (input: Int, output: Int)] = [:]
    private var lastReserve: [BudgetKey: ContinuousClock.Instant] = [:]
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
        store: RateBudgetStore
    ) throws(DatabaseError) -> Int {
        var held = slots[key, default: []]
        held.removeAll { now - $0 > .seconds(Self.horizonSeconds) }
        let due = held.count { $0 <= now }
        if held.count < wanted, now - (lastReserve[key] ?? now - .seconds(1)) >= Self.reserveInterval,
            held.allSatisfy({ $0 <= now })
        {
            lastReserve[key] = now
            let owed = corrections.removeValue(forKey: key) ?? (0, 0)
            let grant = try store.reserve(
                BudgetRequest(
                    provider: key.provider, model: key.model, consumerID: consumerID, slots: wanted - held.count,
                    inputTokens: inputTokens, outputTokens: outputTokens, horizonSeconds: Self.horizonSeconds,
                    inFlight: inFlight[key, default: 0], staleSeconds: staleSeconds, inputCorrection: owed.input,
                    outputCorrection: owed.output, utilisation: utilisation))
            for slot in 0..<grant.granted {
                held.append(now + .seconds(grant.waitSeconds + Double(slot) * grant.stepSeconds))
            }
            slots[key] = held
            return min(wanted, held.count { $0 <= now })
        }
        slots[key] = held
        return min(wanted, due)
    }

    /// Uses the earliest due slot for a call that starts now.
    func started(_ key: BudgetKey) {
        if var held = slots[key], let first = held.indices.min(by: { held[$0] < held[$1] }) {
            held.remove(at: first)
            slots[key] = held
        }
        inFlight[key, default: 0] += 1
    }

    func finished(_ key: BudgetKey) {
        inFlight[key, default: 1] -= 1
    }

    /// When this consumer may next start a call for `key` (nil: it holds no slot).
    func nextSlot(_ key: BudgetKey) -> ContinuousClock.Instant? {
        slots[key]?.min()
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
}
