extension QualityScores {
    /// The scores with components that arrive after the local scoring (uniqueness from the de-duplication
    /// index, coherence from a judge) put in, and the overall and reasons computed again at `threshold`.
    public func revised(uniqueness: Double? = nil, coherence: Double? = nil, threshold: Double) -> QualityScores {
        var scores = self
        if let uniqueness { scores.uniqueness = min(max(uniqueness, 0), 1) }
        if let coherence { scores.coherence = min(max(coherence, 0), 1) }
        let weighted = QualityComponent.allCases.reduce(0) { $0 + weights[$1] * scores[$1] }
        scores.overall = weighted / weights.total
        scores.reasons = scores.reasons(threshold: threshold)
        return scores
    }

    /// The sample's `quality` column: every component, the overall and the word count, rounded to three places.
    public var json: JSONObject {
        var object: JSONObject = ["overall": .double(Self.rounded(overall)), "word_count": .int(wordCount)]
        for component in QualityComponent.allCases { object[component.rawValue] = .double(Self.rounded(self[component])) }
        return object
    }

    private static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
