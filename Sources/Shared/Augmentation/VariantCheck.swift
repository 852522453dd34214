/// Decides without an LLM whether an augmented variant still says what its original said: aspect terms kept,
/// sentiment kept, length within bounds, and similar enough to be a rewrite but not so similar it is a copy.
///
/// Pure and deterministic, so a stage can run it per variant and a test can pin every verdict.
public struct VariantCheck: Sendable {
    public var bounds: Bounds
    public var lexicon: SentimentLexicon

    public init(bounds: Bounds = .standard, lexicon: SentimentLexicon = .standard) {
        self.bounds = bounds
        self.lexicon = lexicon
    }

    /// What a check needs of an original, worked out once for all its variants.
    public struct Original: Sendable {
        public let text: String
        let wordCount: Int
        let polarity: Double
        let trigrams: CharacterTrigrams
    }

    public func prepare(_ original: String) -> Original {
        Original(
            text: original, wordCount: TextNormaliser.words(original).count, polarity: lexicon.polarity(of: original),
            trigrams: CharacterTrigrams(text: original))
    }

    /// Checks `variant` against `original`.
    ///
    /// - Parameters:
    ///   - requiredTerms: aspect terms (one word or several) the variant must contain as whole words, ignoring
    ///     case and punctuation.
    ///   - allowedMissing: required terms that may be absent: for ADA and CADA, the term the variant replaced.
    public func check(
        original: String, variant: String, requiredTerms: [String], allowedMissing: [String] = []
    ) -> VariantVerdict {
        check(prepare(original), variant: variant, requiredTerms: requiredTerms, allowedMissing: allowedMissing)
    }

    /// Checks `variant` against an original prepared once (`prepare`).
    public func check(
        _ original: Original, variant: String, requiredTerms: [String], allowedMissing: [String] = []
    ) -> VariantVerdict {
        let variantWords = TextNormaliser.words(variant)
        var reasons: [VariantRejection] = []

        let excused = Set(allowedMissing.map(TextNormaliser.normalise))
        let missing = requiredTerms.filter { term in
            let termWords = TextNormaliser.words(term)
            return !termWords.isEmpty && !excused.contains(termWords.joined(separator: " "))
                && !Self.contains(variantWords, sequence: termWords)
        }
        if !missing.isEmpty { reasons.append(.missingAspect(missing)) }

        let originalPolarity = original.polarity
        let variantPolarity = lexicon.polarity(of: variant)
        let flipped = originalPolarity * variantPolarity < 0 && abs(originalPolarity) >= bounds.sentimentSignFloor
        if abs(variantPolarity - originalPolarity) > bounds.sentimentTolerance || flipped {
            reasons.append(.sentimentChanged)
        }

        // An empty original counts as one word, so the ratio stays finite (and an empty variant of it is 0).
        let lengthRatio = Double(variantWords.count) / Double(max(original.wordCount, 1))
        if !bounds.lengthRatio.contains(lengthRatio) { reasons.append(.lengthOutOfBounds) }

        let similarity = CharacterTrigrams(text: variant).jaccard(original.trigrams)
        if let rejection = bounds.rejection(similarity: similarity) { reasons.append(rejection) }

        return VariantVerdict(
            similarity: similarity, originalPolarity: originalPolarity, variantPolarity: variantPolarity,
            lengthRatio: lengthRatio, reasons: reasons)
    }

    /// Whether `sequence` occurs in `words` as consecutive whole words.
    private static func contains(_ words: [String], sequence: [String]) -> Bool {
        guard sequence.count <= words.count else { return false }
        return (0...(words.count - sequence.count)).contains { start in
            words[start..<(start + sequence.count)].elementsEqual(sequence)
        }
    }
}
