/// Scores a generated sample on length, grammar, lexical diversity, relevance, uniqueness and coherence, and decides
/// whether it meets a threshold.
///
/// Pure and deterministic: the same text, kind, product and uniqueness always give the same scores, with no
/// database, network or model involved, so the quality stage can call it per sample and tests can pin every number.
/// One pass reads the text (`TextProfile`); each component is then a few arithmetic steps over it.
public struct QualityScorer: Sendable {
    /// The `min_quality_score` of the earlier service when a job names none.
    public static let defaultThreshold = 0.6

    public var weights: QualityWeights
    /// Samples whose overall score is below this are rejected; 0…1.
    public var threshold: Double
    /// The length bands per kind; `LengthBands.standard(for:)` unless a caller sets its own.
    public var bands: [SampleKind: LengthBands]

    public init(weights: QualityWeights = .standard, threshold: Double = defaultThreshold) {
        precondition((0...1).contains(threshold), "a quality threshold is between 0 and 1 (validated at the API)")
        self.weights = weights
        self.threshold = threshold
        bands = Dictionary(uniqueKeysWithValues: SampleKind.allCases.map { ($0, LengthBands.standard(for: $0)) })
    }

    /// The scores of `text`, a sample of `kind` about `product`.
    ///
    /// `uniqueness` comes from the de-duplication index (1 is unlike anything seen); nil, before that index has
    /// answered, counts as 1, so an unknown never rejects a sample.
    public func score(_ text: String, kind: SampleKind, product: String, uniqueness: Double? = nil) -> QualityScores {
        let profile = TextProfile(text)
        let band = bands[kind] ?? LengthBands.standard(for: kind)
        let wordCount = profile.words.count
        var scores = QualityScores(
            wordCount: wordCount,
            length: band.score(wordCount: wordCount),
            grammar: Self.grammar(of: profile),
            lexicalDiversity: Self.lexicalDiversity(of: profile),
            relevance: Self.relevance(of: profile, kind: kind, product: product),
            uniqueness: min(max(uniqueness ?? 1, 0), 1),
            coherence: Self.coherence(of: profile, kind: kind),
            weights: weights, overall: 0, hardLimit: band.violation(wordCount: wordCount), reasons: [])
        let weighted = QualityComponent.allCases.reduce(0) { $0 + weights[$1] * scores[$1] }
        scores.overall = weighted / weights.total
        scores.reasons = scores.reasons(threshold: threshold)
        return scores
    }
}
