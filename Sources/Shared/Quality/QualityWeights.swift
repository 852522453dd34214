/// How much each `QualityComponent` counts in a sample's overall score.
///
/// Weights are relative (the overall is their weighted mean), so only their ratios matter. Construction checks them,
/// so a scorer never divides by zero or rewards a bad component.
public struct QualityWeights: Sendable, Equatable {
    /// Why a set of weights was refused; the message names the offending component.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Every component counts the same.
    public static let standard = QualityWeights(unchecked: Dictionary(
        uniqueKeysWithValues: QualityComponent.allCases.map { ($0, 1.0) }))

    private var values: [QualityComponent: Double]

    /// Weights per component, each finite and non-negative, and not all zero; a component left out weighs 1.
    public init(_ weights: [QualityComponent: Double]) throws(Invalid) {
        for component in QualityComponent.allCases {
            let weight = weights[component] ?? 1
            guard weight.isFinite, weight >= 0 else {
                throw Invalid(description: "the weight of \(component.rawValue) must be a non-negative number")
            }
        }
        let values = Dictionary(uniqueKeysWithValues: QualityComponent.allCases.map { ($0, weights[$0] ?? 1) })
        guard values.values.contains(where: { $0 > 0 }) else {
            throw Invalid(description: "at least one quality weight must be above zero")
        }
        self.init(unchecked: values)
    }

    /// Weights already known to be valid.
    private init(unchecked values: [QualityComponent: Double]) {
        self.values = values
    }

    /// The weight of `component`.
    public subscript(component: QualityComponent) -> Double { values[component] ?? 0 }

    /// The sum of all weights; above zero by construction.
    public var total: Double { QualityComponent.allCases.reduce(0) { $0 + self[$1] } }
}
