extension QualityScorer {
    /// Words too common to show that a text is about a product.
    private static let stopWords: Set<String> = ["the", "and", "for", "with", "of", "a", "an", "by", "in", "on", "to"]

    /// A few words each kind of text uses: a review speaks of value and use, a support request of problems.
    static let vocabulary: [SampleKind: Set<String>] = [
        .productReview: [
            "quality", "price", "value", "recommend", "bought", "purchase", "worth", "love", "disappointed", "star",
            "design", "comfortable", "sound", "battery", "performance", "buy", "using", "month", "week", "works",
        ],
        .supportRequest: [
            "help", "issue", "problem", "error", "order", "refund", "return", "broken", "working", "support",
            "account", "fix", "unable", "cannot", "replace", "replacement", "warranty", "stopped", "please", "tried",
        ],
        .featureRequest: [
            "feature", "add", "option", "ability", "suggest", "request", "allow", "improve", "integration", "setting",
            "wish", "would", "could", "support", "mode", "customize", "customise", "please", "useful", "users",
        ],
        .chatbotConversation: [
            "help", "sorry", "happy", "assist", "please", "thank", "thanks", "glad", "let", "know", "understand",
            "order", "hear", "apologize", "apologise", "welcome", "sure", "here", "can", "you",
        ],
    ]

    /// 0.7 × how well the product is named + 0.3 × the kind's vocabulary used (three distinct words score 1).
    ///
    /// Naming the product in full scores 1; otherwise each head word found (`earbuds` of "Wireless Earbuds Pro")
    /// counts for its share of 0.7, so "the earbuds" is relevant but less than the full name.
    static func relevance(of profile: TextProfile, kind: SampleKind, product: String) -> Double {
        let productWords = TextProfile(product).words
        let present = Set(profile.words)
        let naming: Double
        if isContained(productWords, in: profile.words) {
            naming = 1
        } else {
            let heads = Set(productWords.filter { !stopWords.contains($0) })
            naming = heads.isEmpty ? 0 : 0.7 * Double(heads.count { present.contains($0) }) / Double(heads.count)
        }
        let kindWords = vocabulary[kind] ?? []
        let used = kindWords.count { present.contains($0) || present.contains($0 + "s") }
        return 0.7 * naming + 0.3 * min(Double(used) / 3, 1)
    }

    /// Whether `phrase` occurs as consecutive words of `words`.
    private static func isContained(_ phrase: [String], in words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { start in
            words[start] == phrase[0] && words[start..<(start + phrase.count)].elementsEqual(phrase)
        }
    }
}
