#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What an augmented job asks of its augmentation stage, stored in the job's `params` under `augmentation`.
public struct AugmentationRequest: Sendable, Equatable {
    public static let defaultRatio = 0.5
    public static let defaultVariantsPerSample = 2
    public static let variantsPerSampleBounds = 1...5
    public static let maxCallsBounds = 0...100_000

    /// In the order asked, each once; never empty.
    public var strategies: [AugmentationStrategy]
    /// The share of kept originals augmented (`augment_ratio`).
    public var ratio: Double
    public var variantsPerSample: Int
    /// Provider calls the augmentation stage may make (`max_augmentation_calls`); nil: no bound but the cost.
    public var maxCalls: Int?
    /// Who measures a variant's similarity to its original (`judge`).
    public var similarityJudge: SimilarityJudge
    /// Where ADA and CADA find the terms they swap in (`aspect_alternatives`).
    public var alternatives: AlternativesSource

    /// `local`: character trigrams, no call; `llm`: the provider judges, batched and cached.
    public enum SimilarityJudge: String, Sendable, CaseIterable {
        case local
        case llm
    }

    /// `lexicon`: the template's aspect lexicon; `llm`: the provider names alternatives for each original's terms,
    /// one call per original.
    public enum AlternativesSource: String, Sendable, CaseIterable {
        case lexicon
        case llm
    }

    public init(
        strategies: [AugmentationStrategy] = [.cda], ratio: Double = Self.defaultRatio,
        variantsPerSample: Int = Self.defaultVariantsPerSample, maxCalls: Int? = nil,
        similarityJudge: SimilarityJudge = .local, alternatives: AlternativesSource = .lexicon
    ) {
        self.strategies = strategies.isEmpty ? [.cda] : strategies
        self.ratio = min(max(ratio, 0), 1)
        self.variantsPerSample = min(max(variantsPerSample, 1), Self.variantsPerSampleBounds.upperBound)
        self.maxCalls = maxCalls
        self.similarityJudge = similarityJudge
        self.alternatives = alternatives
    }

    /// How many of `kept` originals are augmented: `ceil(kept × ratio)`, at least one when the ratio is above zero.
    public func originalsToAugment(kept: Int) -> Int {
        guard ratio > 0, kept > 0 else { return 0 }
        return min(kept, max(1, Int((Double(kept) * ratio).rounded(.up))))
    }

    /// The `augmentation` member of the job's `params`.
    public var params: JSONValue {
        var object: JSONObject = [
            "strategies": .array(strategies.map { .string($0.rawValue) }), "ratio": .double(ratio),
            "variants_per_sample": .int(variantsPerSample), "judge": .string(similarityJudge.rawValue),
            "alternatives": .string(alternatives.rawValue),
        ]
        object["max_calls"] = maxCalls.map(JSONValue.int)
        return .object(object)
    }

    /// Reads back what `params` wrote; nil when it is absent or not that shape.
    public init?(params: JSONValue?) {
        guard let params, case .object = params,
            let names = params["strategies"]?.arrayValue?.compactMap(\.stringValue),
            case .success(let strategies) = AugmentationStrategy.parse(names)
        else { return nil }
        self.init(
            strategies: strategies, ratio: params["ratio"]?.doubleValue ?? Self.defaultRatio,
            variantsPerSample: params["variants_per_sample"]?.intValue ?? Self.defaultVariantsPerSample,
            maxCalls: params["max_calls"]?.intValue,
            similarityJudge: params["judge"]?.stringValue.flatMap(SimilarityJudge.init(rawValue:)) ?? .local,
            alternatives: params["alternatives"]?.stringValue.flatMap(AlternativesSource.init(rawValue:)) ?? .lexicon)
    }
}
