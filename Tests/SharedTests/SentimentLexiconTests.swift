import Shared
import Testing

/// The lexicon reads the direction of a review's sentiment, including negation and emphasis.
@Suite struct SentimentLexiconTests {
    private let lexicon = SentimentLexicon.standard

    @Test func clearlyPositiveTextReadsPositive() {
        let polarity = lexicon.polarity(of: "Excellent headphones: the sound is great and they are very comfortable.")
        #expect(polarity > 0.6)
        #expect(polarity < 1)
    }

    @Test func clearlyNegativeTextReadsNegative() {
        let polarity = lexicon.polarity(of: "Terrible purchase. The hinge broke in a week and support was rude.")
        #expect(polarity < -0.6)
        #expect(polarity > -1)
    }

    @Test func neutralTextReadsZero() {
        #expect(lexicon.polarity(of: "The box contains a charger, a cable and the manual in four languages.") == 0)
        #expect(lexicon.polarity(of: "") == 0)
    }

    @Test func negatedPositiveReadsNegative() {
        #expect(lexicon.polarity(of: "The battery is good.") > 0.3)
        #expect(lexicon.polarity(of: "The battery is not good.") < -0.2)
        #expect(lexicon.polarity(of: "I don't love this keyboard.") < -0.2)
        #expect(lexicon.polarity(of: "The screen is not bad at all.") > 0.2)
    }

    @Test func negationReachesThreeWordsWithinItsClause() {
        // "good" is the third word after "not": negated.
        #expect(lexicon.score(of: "not at all good") < 0)
        // Fourth word: out of reach.
        #expect(lexicon.score(of: "not at all that good") > 0)
        // A comma ends the clause, and the negation with it.
        #expect(lexicon.score(of: "I would never return it, great buy") > 2)
        #expect(lexicon.score(of: "I would never return it great buy") < 0)
    }

    @Test func intensifierStrengthensTheNextWord() {
        #expect(lexicon.polarity(of: "really good") > lexicon.polarity(of: "good"))
        #expect(lexicon.polarity(of: "extremely slow") < lexicon.polarity(of: "slow"))
        #expect(lexicon.score(of: "very good") == 2 * 1.4)
    }

    @Test func polarityIsDeterministicAndIgnoresCaseAndPunctuation() {
        let text = "Great screen, but the speakers are disappointing!"
        #expect(lexicon.polarity(of: text) == lexicon.polarity(of: text))
        #expect(lexicon.polarity(of: text) == lexicon.polarity(of: "GREAT screen, but the speakers are Disappointing!"))
    }

    @Test func standardLexiconHoldsAtLeast120Words() {
        #expect(lexicon.weights.count >= 120)
        #expect(lexicon.weights.values.allSatisfy { $0 != 0 && abs($0) <= 3 })
    }
}
