import Shared

/// A run's calls in flight, each with what it is for, its attempt and its cost estimate, against the job's
/// cost limit: calls in flight count at their estimate until they report their cost.
struct CallBook<Payload> {
    struct Flight {
        var payload: Payload
        var attempt: Int
        var estimateUSD: Double
    }

    /// Whether a call was admitted, must wait for a call in flight to report its cost, or cannot fit at all.
    enum Admission {
        case admitted
        case waitForCost
        case exceedsLimit
    }

    private var flying: [Int: Flight] = [:]
    /// The id the next planned call gets: unique within the run.
    private(set) var nextCallID: Int
    private(set) var cost: CostLimit
    /// The next call did not fit beside the calls in flight: no call is planned until one reports its cost.
    private(set) var waitsForCost = false

    init(cost: CostLimit, firstCallID: Int = 0) {
        self.cost = cost
        nextCallID = firstCallID
    }

    var isEmpty: Bool { flying.isEmpty }
    var count: Int { flying.count }
    var payloads: [Payload] { flying.values.map(\.payload) }

    /// Admits `call` if it fits the cost limit beside the calls in flight.
    mutating func admit(_ call: PlannedCall, payload: Payload, prices: PriceTable) -> Admission {
        let estimate = CostLimit.estimate(call, prices: prices)
        guard cost.fits(estimate, besides: flying.values.reduce(0) { $0 + $1.estimateUSD }) else {
            if flying.isEmpty { return .exceedsLimit }
            waitsForCost = true
            return .waitForCost
        }
        flying[call.id] = Flight(payload: payload, attempt: call.attempt, estimateUSD: estimate)
        nextCallID += 1
        return .admitted
    }

    /// The flight of a call that ended costing `costUSD`; nil for a call the book does not hold.
    mutating func land(_ id: Int, costUSD: Double) -> Flight? {
        guard let flight = flying.removeValue(forKey: id) else { return nil }
        cost.spend(costUSD)
        waitsForCost = false
        return flight
    }

    /// The flight of a call taken back unsent.
    mutating func withdraw(_ id: Int) -> Flight? {
        flying.removeValue(forKey: id)
    }
}
