import Shared

/// `GET /api/augmentation/strategies`: each strategy's name, description and use, the combinations the earlier
/// service recommended, and its usage notes, all from `AugmentationStrategy`.
struct GetAugmentationStrategies: Handler {
    static let recommendedCombinations: [[AugmentationStrategy]] = [[.cda], [.ada], [.cada], [.cda, .ada]]

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let strategies = AugmentationStrategy.allCases
        return .json([
            "strategies": .object(
                JSONObject(
                    strategies.map { strategy in
                        let description: JSONValue = [
                            "name": .string(strategy.title), "description": .string(strategy.summary),
                            "best_for": .string(strategy.bestFor),
                        ]
                        return (key: strategy.rawValue, value: description)
                    })),
            "available": .array(strategies.map { .string($0.rawValue) }),
            "recommended_combinations": .array(
                Self.recommendedCombinations.map { .array($0.map { .string($0.rawValue) }) }),
            "usage_notes": .object(
                JSONObject(strategies.map { (key: $0.rawValue, value: .string($0.usageNote)) })),
        ])
    }
}
