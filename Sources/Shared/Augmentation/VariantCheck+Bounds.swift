extension VariantCheck {
    /// The limits a variant must stay within; the defaults suit paraphrases of review-length texts.
    public struct Bounds: Sendable, Equatable {
        /// Largest |polarity(variant) − polarity(original)| kept. Default 0.35: swapping "great" for "good"
        /// moves about 0.15, dropping the only sentiment word about 0.6.
        public var sentimentTolerance: Double
        /// A variant whose polarity has the opposite sign is rejected when the original's polarity is at least
        /// this far from 0 (default 0.2): a clearly positive text must not turn negative even by a little.
        public var sentimentSignFloor: Double
        /// Variant words ÷ original words. Default 0.6…1.6: a paraphrase may tighten or expand a little.
        public var lengthRatio: ClosedRange<Double>
        /// Character 3-gram Jaccard (`CharacterTrigrams`). Default 0.2…0.9: above is a near copy that adds
        /// nothing to a data set, below a text that no longer says the same thing. One word changed in twenty
        /// scores about 0.89 and an unrelated review of the same product about 0.15; an aspect swap in a text
        /// much longer than that can pass 0.9, so a caller checking such swaps may widen the upper bound.
        public var similarity: ClosedRange<Double>

        public init(
            sentimentTolerance: Double = 0.35, sentimentSignFloor: Double = 0.2,
            lengthRatio: ClosedRange<Double> = 0.6...1.6, similarity: ClosedRange<Double> = 0.2...0.9
        ) {
            self.sentimentTolerance = sentimentTolerance
            self.sentimentSignFloor = sentimentSignFloor
            self.lengthRatio = lengthRatio
            self.similarity = similarity
        }

        public static let standard = Bounds()
        /// For ADA variants: one aspect swapped in a long text leaves it far closer than a paraphrase would, so a
        /// swap is a near copy only when it changed next to nothing.
        public static let aspectSwap = Bounds(similarity: 0.2...0.995)

        /// `nearCopy` above the similarity band, `drift` below it, nil inside (a judge's similarity is read the
        /// same way).
        public func rejection(similarity value: Double) -> VariantRejection? {
            if value > similarity.upperBound { return .nearCopy }
            if value < similarity.lowerBound { return .drift }
            return nil
        }
    }
}
