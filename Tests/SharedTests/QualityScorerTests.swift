import Shared
import Testing

@Suite struct QualityScorerTests {
    static let review = "I bought the Wireless Earbuds last month. The sound is clear and the battery lasts all day. "
        + "They feel comfortable during long runs. For the price, I would recommend them to anyone."

    private func scores(
        _ text: String, kind: SampleKind = .productReview, product: String = "Wireless Earbuds",
        weights: QualityWeights = .standard, uniqueness: Double? = nil
    ) -> QualityScores {
        QualityScorer(weights: weights).score(text, kind: kind, product: product, uniqueness: uniqueness)
    }

    // MARK: - A good review, computed by hand

    @Test func aWellWrittenReviewScoresEachComponentAsComputedByHand() {
        let result = scores(Self.review)
        #expect(result.wordCount == 32)
        #expect(abs(result.length - 0.84) < 1e-9, "0.5 + 0.5 × (32 − 15) / (40 − 15)")
        #expect(result.grammar == 1)
        #expect(result.lexicalDiversity == 1, "28 types / 32 tokens = 0.875 ≥ 0.7")
        #expect(result.relevance == 1, "named in full, and bought, month, sound… from the review vocabulary")
        #expect(result.uniqueness == 1, "unknown counts as unique")
        #expect(result.coherence == 1)
        #expect(abs(result.overall - 5.84 / 6) < 1e-9)
        #expect(result.reasons.isEmpty)
        #expect(result.isKept)
    }

    @Test func scoringIsDeterministic() {
        #expect(scores(Self.review) == scores(Self.review))
    }

    // MARK: - Length

    @Test func aThreeWordReviewIsTooShortWhateverTheThreshold() {
        let result = scores("Great earbuds, thanks.")
        #expect(result.length == 0)
        #expect(result.hardLimit == .tooShort)
        #expect(result.reasons.first == .tooShort)
        #expect(!result.isKept(threshold: 0))
    }

    @Test(arguments: [(2, 0.0), (3, 0.5), (10, 1.0), (120, 1.0), (185, 0.75), (250, 0.5), (251, 0.0)])
    func chatbotConversationLengthScoreFollowsItsBands(words: Int, expected: Double) {
        let text = (1...words).map { "word\($0)" }.joined(separator: " ") + "."
        let result = scores(text, kind: .chatbotConversation)
        #expect(abs(result.length - expected) < 1e-9)
        #expect(result.hardLimit == (words < 3 ? .tooShort : words > 250 ? .tooLong : nil))
    }

    // MARK: - Grammar

    @Test(arguments: [
        ("These earbuds are great. I use them every day.", 1.0),
        ("These earbuds are great great great. I use them every day.", 0.6),
        ("these earbuds are great. I use them every day.", 0.8),
        ("these earbuds are great. i use them every day", 0.4),
        ("These earbuds are soooo good. I use them every day!", 0.8),
        ("These earbuds cost 1000000 won. Version 2.1 is out. Worth it?", 1.0),
    ])
    func grammarLosesForCaseEndingsRepeatsAndStretchedLetters(text: String, expected: Double) {
        #expect(abs(scores(text).grammar - expected) < 1e-9)
    }

    @Test func caselessScriptsAndTheirFullWidthStopsAreWellFormed() {
        let result = scores("这款耳机的音质很好。我每天都用！", product: "耳机")
        #expect(result.grammar == 1)
        #expect(result.coherence < 1, "two sentences of one word each: a CJK text is one word per run")
    }

    @Test func apostrophesStayInsideWords() {
        #expect(scores("I don't think it's bad.").wordCount == 5)
        #expect(scores("The users' manual isn't clear.").wordCount == 5)
    }

    // MARK: - Lexical diversity

    @Test func aTextSayingTheSameWordsOverScoresNoDiversity() {
        let text = String(repeating: "The earbuds are good. ", count: 15)
        #expect(scores(text).lexicalDiversity == 0, "4 types in every 50-word window: 0.08")
    }

    @Test func repeatedWordsLowerTheDiversity() {
        let text = "Good sound good fit good case good price good battery."
        #expect(abs(scores(text).lexicalDiversity - 0.75) < 1e-9, "6 types / 10 tokens = 0.6 → (0.6 − 0.3) / 0.4")
    }

    @Test func aLongVariedTextKeepsFullDiversity() {
        let text = (1...120).map { "w\($0)" }.joined(separator: " ") + "."
        #expect(scores(text).lexicalDiversity == 1)
    }

    // MARK: - Relevance

    @Test func aReviewNamingTheProductScoresHigherRelevanceThanOneThatDoesNot() {
        let named = scores("The Wireless Earbuds are fine. I would recommend them for the price and quality.")
        let headOnly = scores("The earbuds are fine. I would recommend them for the price and quality.")
        let unnamed = scores("The thing is fine. I would recommend it for the price and quality.")
        #expect(named.relevance == 1)
        #expect(abs(headOnly.relevance - (0.7 * 0.35 + 0.3)) < 1e-9, "one head word of two")
        #expect(abs(unnamed.relevance - 0.3) < 1e-9, "only the vocabulary")
        #expect(named.relevance > headOnly.relevance && headOnly.relevance > unnamed.relevance)
    }

    @Test func theKindsVocabularyCountsOnlyForItsKind() {
        let text = "My order arrived broken. Please help me get a refund."
        let support = scores(text, kind: .supportRequest, product: "Desk Lamp")
        let review = scores(text, kind: .productReview, product: "Desk Lamp")
        #expect(abs(support.relevance - 0.3) < 1e-9)
        #expect(review.relevance == 0)
    }

    // MARK: - Coherence

    @Test(arguments: [
        (SampleKind.supportRequest, "My order arrived broken and I need a replacement please.", 0.6),
        (.chatbotConversation, "I am sorry to hear that your order arrived broken.", 1.0),
        (.supportRequest, "Hello. I need help with my order today. Thanks.", 0.5),
        (.supportRequest, "My order arrived broken last week. I need a replacement, please.", 1.0),
    ])
    func coherenceWantsSeveralWholeSentencesOfSaneLength(kind: SampleKind, text: String, expected: Double) {
        #expect(abs(scores(text, kind: kind, product: "Desk Lamp").coherence - expected) < 1e-9)
    }

    // MARK: - Uniqueness, weights, threshold

    @Test(arguments: [(nil, 1.0), (0.2, 0.2), (1.5, 1.0), (-1.0, 0.0)] as [(Double?, Double)])
    func uniquenessIsTakenAsGivenWithinZeroAndOne(given: Double?, expected: Double) {
        #expect(scores(Self.review, uniqueness: given).uniqueness == expected)
    }

    @Test func weightsChangeTheOverallAsComputedByHand() throws {
        let lengthOnly = try QualityWeights([
            .length: 1, .grammar: 0, .lexicalDiversity: 0, .relevance: 0, .uniqueness: 0, .coherence: 0,
        ])
        #expect(abs(scores(Self.review, weights: lengthOnly).overall - 0.84) < 1e-9)
        let uniquenessHeavy = try QualityWeights([.uniqueness: 4])
        let result = scores(Self.review, weights: uniquenessHeavy, uniqueness: 0.1)
        #expect(abs(result.overall - (0.84 + 1 + 1 + 1 + 4 * 0.1 + 1) / 9) < 1e-9)
        #expect(result.overall < scores(Self.review, uniqueness: 0.1).overall)
    }

    @Test func belowTheThresholdEveryWeakComponentIsAReason() {
        let result = scores("these earbuds are great great great", uniqueness: 0.2)
        #expect(result.reasons.contains(.tooShort))
        #expect(result.reasons.contains(.belowThreshold))
        #expect(result.reasons.contains(.weak(.grammar)))
        #expect(result.reasons.contains(.weak(.uniqueness)))
        #expect(!result.reasons.contains(.weak(.lexicalDiversity)))
        #expect(result.reasons.map(\.code).contains("low_grammar"))
    }

    @Test func theThresholdDecidesWhatIsKept() {
        let result = scores(Self.review, uniqueness: 0)
        #expect(abs(result.overall - 4.84 / 6) < 1e-9)
        #expect(result.isKept(threshold: 0.8))
        #expect(result.reasons(threshold: 0.81) == [.belowThreshold, .weak(.uniqueness)])
        #expect(!result.isKept(threshold: 0.81))
    }

    @Test(arguments: [
        [QualityComponent.grammar: -1.0], [.relevance: .nan], [.coherence: .infinity],
        Dictionary(uniqueKeysWithValues: QualityComponent.allCases.map { ($0, 0.0) }),
    ])
    func negativeNonFiniteOrAllZeroWeightsAreRefused(weights: [QualityComponent: Double]) {
        #expect(throws: QualityWeights.Invalid.self) { try QualityWeights(weights) }
    }
}
