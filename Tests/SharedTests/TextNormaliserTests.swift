import Shared
import Testing

/// What counts as "the same text" for exact de-duplication.
@Suite struct TextNormaliserTests {
    @Test func casePunctuationAndSpacingDoNotMatter() {
        let variants = [
            "The quick brown fox.",
            "the quick   brown fox",
            "THE QUICK BROWN FOX!!!",
            "  The\tquick\nbrown — fox…  ",
            "the, quick; brown: fox?",
        ]
        for variant in variants {
            #expect(TextNormaliser.normalise(variant) == "the quick brown fox")
            #expect(TextNormaliser.contentHash(variant) == TextNormaliser.contentHash(variants[0]))
        }
    }

    @Test func contentHashIsSHA256OfTheNormalisedText() {
        // printf 'the quick brown fox' | sha256sum
        #expect(TextNormaliser.contentHash("The Quick, Brown Fox!")
            == "9ecb36561341d18eb65484e833efea61edc74b84cf5e6ae1b81c63533e25fc8f")
    }

    @Test func wordsOfOtherScriptsAreKeptWholeAndLowerCased() {
        #expect(TextNormaliser.words("Größe ÉTÉ, naïve café!") == ["größe", "été", "naïve", "café"])
        #expect(TextNormaliser.words("Привет, МИР") == ["привет", "мир"])
        #expect(TextNormaliser.words("東京 は 2024年") == ["東京", "は", "2024年"])
        // A combining accent stays in its word instead of splitting it.
        #expect(TextNormaliser.words("cafe\u{301} noir") == ["cafe\u{301}", "noir"])
    }

    @Test func differentWordsHashDifferently() {
        #expect(TextNormaliser.contentHash("battery lasts all day") != TextNormaliser.contentHash("battery lasts all night"))
        #expect(TextNormaliser.contentHash("") != TextNormaliser.contentHash("a"))
    }

    @Test func emptyAndPunctuationOnlyTextsNormaliseToNothing() {
        #expect(TextNormaliser.words("").isEmpty)
        #expect(TextNormaliser.normalise(" ...!? — ") == "")
    }
}
