import Shared
import Testing

/// Character 3-gram similarity ignores case and punctuation, sees word order, and separates unrelated texts.
@Suite struct CharacterTrigramsTests {
    private func similarity(_ left: String, _ right: String) -> Double {
        CharacterTrigrams(text: left).jaccard(CharacterTrigrams(text: right))
    }

    @Test func textsDifferingOnlyInCaseAndPunctuationAreEqual() {
        #expect(similarity("Great battery, bright screen.", "great BATTERY -- bright screen!") == 1)
        #expect(CharacterTrigrams(text: "ab").keys.count == 2)
    }

    @Test func reorderedWordsAreSimilarButNotEqual() {
        let value = similarity("bright screen and great battery", "great battery and bright screen")
        #expect(value > 0.6 && value < 1)
    }

    @Test func textsSharingNoLettersScoreZeroAndEmptyTextsOne() {
        #expect(similarity("xyz", "abc") == 0)
        #expect(similarity("", "...") == 1)
        #expect(similarity("", "abc") == 0)
    }
}
