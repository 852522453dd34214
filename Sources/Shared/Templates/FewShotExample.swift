/// One example text shown to the model, tagged with the tone and sentiment it illustrates.
public struct FewShotExample: Sendable, Equatable {
    public var tone: String
    /// 1…5, as `sentiment_intensity`.
    public var sentiment: Int
    /// The example, with `{product}` where the requested product goes.
    public var text: String

    public init(tone: String, sentiment: Int, text: String) {
        self.tone = tone
        self.sentiment = sentiment
        self.text = text
    }

    /// How well the example fits a request: a matching tone counts most, then closeness of sentiment.
    func score(tone requested: String?, sentiment requestedSentiment: Int?) -> Int {
        var score = 0
        if let requested, requested.lowercased() == tone { score += 10 }
        if let requestedSentiment { score += 4 - min(abs(requestedSentiment - sentiment), 4) }
        return score
    }

    /// The examples for one sample: the two that fit best (a third when three fit exactly), ties broken by a
    /// draw from `seed`, so a request without tone or sentiment still sees different examples across samples.
    static func choose(
        from examples: [FewShotExample], tone: String?, sentiment: Int?, seed: UInt64
    ) -> [Int] {
        let ranked = examples.indices.map { index in
            (index: index, score: examples[index].score(tone: tone, sentiment: sentiment),
             tiebreak: VariationDraw.mix(seed ^ UInt64(index) &* 0x9e37_79b9_7f4a_7c15))
        }.sorted { ($0.score, $0.tiebreak) > ($1.score, $1.tiebreak) }
        let perfect = (tone == nil ? 0 : 10) + (sentiment == nil ? 0 : 4)
        let exact = ranked.prefix(3).filter { $0.score == perfect && perfect > 0 }.count
        let count = min(exact == 3 && examples.count > 3 ? 3 : 2, examples.count)
        return ranked.prefix(count).map(\.index).sorted()
    }
}
