/// What one strategy of a job produced: variants kept, variants rejected and why.
public struct AugmentationOutcome: Sendable, Equatable {
    public var strategy: AugmentationStrategy
    public var kept = 0
    public var rejected = 0
    /// Rejected variants per reason code; a variant with several reasons counts under each.
    public var reasons: [String: Int] = [:]

    public init(strategy: AugmentationStrategy) {
        self.strategy = strategy
    }

    /// The member of a result's `augmentation.strategies`.
    public var json: JSONValue {
        [
            "produced": .int(kept), "rejected": .int(rejected),
            "rejection_reasons": .object(JSONObject(reasons.sorted { $0.key < $1.key }.map { (key: $0.key, value: JSONValue.int($0.value)) })),
        ]
    }
}
