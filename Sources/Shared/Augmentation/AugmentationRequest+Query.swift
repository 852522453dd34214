extension AugmentationRequest {
    /// The query parameter naming the strategies; it may be repeated.
    public static let strategiesField = "augmentation_strategies"

    /// Every query parameter an augmented request is read from.
    public static let queryFields: Set<String> = [
        strategiesField, "augment_ratio", "variants_per_sample", "max_augmentation_calls", "judge",
        "aspect_alternatives",
    ]

    /// Strategy names as the query gives them: each value one name or several separated by commas
    /// (`CDA,ADA`), blanks around a name and empty items ignored.
    public static func strategyNames(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// The request the query asks for, with `strategies` already parsed; nil when a parameter failed, each
    /// failure recorded in `reader` at `["query", name]`.
    static func read(strategies: [AugmentationStrategy], from reader: inout FieldReader) -> AugmentationRequest? {
        reader.allowAbsent("max_augmentation_calls")
        let ratio = reader.double("augment_ratio", default: defaultRatio, in: 0...1)
        let variants = reader.int("variants_per_sample", default: defaultVariantsPerSample, in: variantsPerSampleBounds)
        let maxCalls = reader.int("max_augmentation_calls", default: nil, in: maxCallsBounds)
        let judge = readChoice("judge", default: SimilarityJudge.local, &reader)
        let alternatives = readChoice("aspect_alternatives", default: AlternativesSource.lexicon, &reader)
        guard let ratio, let variants, let judge, let alternatives, !reader.hasFailed("max_augmentation_calls") else {
            return nil
        }
        return AugmentationRequest(
            strategies: strategies, ratio: ratio, variantsPerSample: variants, maxCalls: maxCalls,
            similarityJudge: judge, alternatives: alternatives)
    }

    /// One of an enum's raw values, exactly as it names them (`judge`: `local` or `llm`).
    private static func readChoice<Choice: RawRepresentable & CaseIterable>(
        _ name: String, default choice: Choice, _ reader: inout FieldReader
    ) -> Choice? where Choice.RawValue == String {
        guard let value = reader.string(name, default: choice.rawValue, length: 1...200) else { return nil }
        guard let chosen = Choice(rawValue: value) else {
            let options = Choice.allCases.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            reader.fail(name, type: "enum", msg: "Input should be \(options)")
            return nil
        }
        return chosen
    }
}
