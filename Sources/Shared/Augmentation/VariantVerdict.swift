/// What `VariantCheck` found for one variant: the measures, and every reason it was rejected (none if kept).
public struct VariantVerdict: Sendable, Equatable {
    /// Character 3-gram Jaccard of variant and original (`CharacterTrigrams`).
    public var similarity: Double
    public var originalPolarity: Double
    public var variantPolarity: Double
    /// Variant words ÷ original words.
    public var lengthRatio: Double
    /// All reasons, in check order: aspects, sentiment, length, similarity.
    public var reasons: [VariantRejection]

    /// Variant polarity minus original polarity (signed; the check bounds its size).
    public var sentimentDelta: Double { variantPolarity - originalPolarity }

    public var accepted: Bool { reasons.isEmpty }

    /// The form stored with a variant; measures rounded to 4 decimals so stored rows read cleanly.
    public var json: JSONValue {
        let object: JSONObject = [
            "accepted": .bool(accepted),
            "similarity": .double(Self.rounded(similarity)),
            "similarity_measure": "char_3gram_jaccard",
            "original_polarity": .double(Self.rounded(originalPolarity)),
            "variant_polarity": .double(Self.rounded(variantPolarity)),
            "sentiment_delta": .double(Self.rounded(sentimentDelta)),
            "length_ratio": .double(Self.rounded(lengthRatio)),
            "reasons": .array(reasons.map(\.json)),
        ]
        return .object(object)
    }

    private static func rounded(_ value: Double) -> Double {
        (value * 10_000).rounded() / 10_000
    }
}
