import Shared
import Testing

/// Aspect terms are found on whole words, longest first, in text order, whatever the case.
@Suite struct AspectExtractorTests {
    private let extractor = AspectExtractor()

    private func terms(_ text: String) -> [String] { extractor.extract(text).mentions.map(\.term) }

    @Test func multiWordTermsWinOverTheirFirstWord() {
        #expect(terms("The battery life is great, the battery itself is small.") == ["battery life", "battery"])
        #expect(terms("Customer service answered, support did not.") == ["customer service", "support"])
        #expect(terms("Great value for money.") == ["value for money"])
    }

    @Test func onlyWholeWordsMatch() {
        #expect(terms("They kept supporting me, reprice it, the applet shipped.") == [])
        #expect(terms("Support was supportive.") == ["support"])
        // Punctuation breaks a multi-word term; a hyphen does not.
        #expect(terms("No battery. Life is short.") == ["battery"])
        #expect(terms("The noise-cancelling works.") == ["noise cancelling"])
        #expect(terms("The battery's charge") == ["battery"])
    }

    @Test func matchingIgnoresCaseAndKeepsTheTextAsWritten() throws {
        let extraction = extractor.extract("BATTERY LIFE is fine but the Delivery was late.")
        #expect(extraction.mentions.map(\.term) == ["battery life", "delivery"])
        #expect(extraction.mentions.map(\.written) == ["BATTERY LIFE", "Delivery"])
        #expect(extraction.mentions.map(\.category) == [.product, .service])
        let delivery = try #require(extraction.mentions.last)
        let bytes = Array(extraction.text.utf8)
        #expect(String(decoding: bytes[delivery.utf8Range], as: UTF8.self) == "Delivery")
    }

    @Test func pluralsMatchTheirTerm() {
        let extraction = extractor.extract("Both refunds and the batteries arrived.")
        #expect(extraction.mentions.map(\.term) == ["refund", "battery"])
        #expect(extraction.mentions.map(\.isPlural) == [true, true])
        #expect(extraction.mentions.map(\.written) == ["refunds", "batteries"])
    }

    @Test func mentionsComeInTextOrderWithDistinctTermsInFirstOccurrenceOrder() {
        let text = "Shipping was slow; the price is high, the screen is dim and shipping cost me the price of lunch."
        let extraction = extractor.extract(text)
        #expect(extraction.mentions.map(\.term) == ["shipping", "price", "screen", "shipping", "cost", "price"])
        #expect(extraction.distinctTerms == ["shipping", "price", "screen", "cost"])
        #expect(extraction.mentions(of: "shipping").count == 2)
        let starts = extraction.mentions.map(\.utf8Range.lowerBound)
        #expect(starts == starts.sorted())
        #expect(extractor.extract(text) == extraction)
    }

    @Test func nounPhraseTakesUpToTwoModifiersBeforeTheTerm() {
        let mentions = extractor.extract(
            "I love the wireless charging case. Really great battery life, and super fast bright big screen. Its price."
        ).mentions
        #expect(mentions.map(\.phrase) == ["wireless charging", "great battery life", "bright big screen", "price"])
        let screen = mentions[2]
        #expect(screen.phraseUTF8Range.upperBound == screen.utf8Range.upperBound)
        #expect(screen.phraseUTF8Range.lowerBound < screen.utf8Range.lowerBound)
    }

    @Test func extendedLexiconFindsTemplateTerms() {
        let extractor = AspectExtractor(lexicon: .standard.extended(with: ["dish": ["truffle risotto", "pasta"]]))
        let extraction = extractor.extract("The Truffle Risotto was cold and the delivery slow; the pasta was fine.")
        #expect(extraction.mentions.map(\.term) == ["truffle risotto", "delivery", "pasta"])
        #expect(extraction.mentions.first?.category == AspectCategory("dish"))
        #expect(AspectExtractor().extract(extraction.text).mentions.map(\.term) == ["delivery"])
    }

    @Test func nonASCIITextKeepsRangesOnCharacterBoundaries() throws {
        let extraction = extractor.extract("Très bon écran — the délivery? No: the delivery, ça va.")
        let mention = try #require(extraction.mentions.first)
        #expect(extraction.mentions.map(\.term) == ["delivery"])
        #expect(String(decoding: Array(extraction.text.utf8)[mention.utf8Range], as: UTF8.self) == "delivery")
    }
}
