extension QualityWeights {
    /// What `parse(_:)` accepts, for the message of a malformed `DATAFORGE_QUALITY_WEIGHTS`.
    static var syntax: String {
        "component=weight pairs separated by commas, each weight non-negative and not all zero, components among "
            + QualityComponent.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// Weights written as `relevance=2,uniqueness=0.5` (`DATAFORGE_QUALITY_WEIGHTS`); components left out weigh 1.
    /// Nil for an unknown or repeated component, a weight that is not a number, or weights `init(_:)` refuses.
    public static func parse(_ text: String) -> QualityWeights? {
        var weights: [QualityComponent: Double] = [:]
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2, let component = QualityComponent(rawValue: String(parts[0].trimmingSpaces)),
                weights[component] == nil, let weight = Double(parts[1].trimmingSpaces)
            else { return nil }
            weights[component] = weight
        }
        return try? QualityWeights(weights)
    }
}
