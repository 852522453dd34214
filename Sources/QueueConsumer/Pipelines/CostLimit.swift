import Shared

/// A job's money: what its calls cost so far, against its `max_cost_usd` when it set one. Calls in flight
/// count at their estimate (their whole output allowance) until they report their cost.
struct CostLimit {
    private(set) var spentUSD: Double
    let maxUSD: Double?

    /// Whether a call estimated at `estimateUSD` fits beside calls in flight estimated at `inFlightUSD`.
    func fits(_ estimateUSD: Double, besides inFlightUSD: Double) -> Bool {
        guard let maxUSD else { return true }
        return spentUSD + inFlightUSD + estimateUSD <= maxUSD
    }

    mutating func spend(_ costUSD: Double) {
        spentUSD += costUSD
    }

    /// How a job stops when its next call cannot fit even with nothing in flight.
    func exceeded(kept: Int, of count: Int) -> RunEnd {
        let spent = (spentUSD * 10_000).rounded() / 10_000
        return .failed(
            reason: "Stopped before exceeding the job's cost limit of $\(maxUSD ?? 0) (spent $\(spent)); "
                + "\(kept) of \(count) samples were kept")
    }

    /// `call`'s cost if it used its whole output allowance.
    static func estimate(_ call: PlannedCall, prices: PriceTable) -> Double {
        Double(prices.costUSD(
            model: call.request.model, inputTokens: call.inputTokenEstimate,
            outputTokens: call.request.maxOutputTokens)) ?? 0
    }
}
