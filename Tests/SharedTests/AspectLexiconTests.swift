import Shared
import Testing

/// The standard lexicon covers the three categories with swappable terms, and a template can add its own.
@Suite struct AspectLexiconTests {
    @Test func standardLexiconHasAtLeastSixtyUniqueTermsInEveryCategory() {
        let lexicon = AspectLexicon.standard
        let terms = lexicon.entries.map(\.term)
        #expect(terms.count >= 60)
        #expect(Set(terms).count == terms.count)
        #expect(lexicon.categories == [.product, .service, .experience])
        #expect(terms.contains { $0.contains(" ") })
    }

    @Test func everyTermHasSameCategoryAlternativesOtherThanItself() {
        let lexicon = AspectLexicon.standard
        for entry in lexicon.entries {
            #expect(!entry.alternatives.isEmpty, "\(entry.term)")
            #expect(!entry.alternatives.contains(entry.term), "\(entry.term)")
            for alternative in entry.alternatives {
                #expect(lexicon.entry(for: alternative)?.category == entry.category, "\(entry.term) → \(alternative)")
            }
        }
    }

    @Test func namedPairsAreAlternativesOfEachOther() {
        let lexicon = AspectLexicon.standard
        #expect(lexicon.alternatives(for: "battery life").contains("battery runtime"))
        #expect(lexicon.alternatives(for: "Delivery").contains("shipping"))
        #expect(lexicon.alternatives(for: "shipping").contains("delivery"))
        #expect(lexicon.alternatives(for: "price").contains("cost"))
        #expect(lexicon.entry(for: "customer service")?.category == .service)
        #expect(lexicon.entry(for: "ease of use")?.category == .experience)
        #expect(lexicon.alternatives(for: "spaceship").isEmpty)
    }

    @Test func extendedLexiconAddsTemplateTermsWithoutChangingExistingOnes() {
        let lexicon = AspectLexicon.standard.extended(with: [
            "Product": ["ear tips", "eartips", "battery"],
            "dish": ["pasta", "risotto"],
            "service": ["concierge"],
            " ": ["nothing"],
        ])
        #expect(lexicon.entry(for: "ear tips")?.category == .product)
        #expect(lexicon.alternatives(for: "ear tips") == ["eartips", "battery"])
        #expect(lexicon.entry(for: "battery") == AspectLexicon.standard.entry(for: "battery"))
        #expect(lexicon.alternatives(for: "pasta") == ["risotto"])
        #expect(lexicon.entry(for: "risotto")?.category == AspectCategory("dish"))
        // A lone added term borrows its category's terms.
        #expect(lexicon.alternatives(for: "concierge").contains("delivery"))
        #expect(lexicon.entries.count == AspectLexicon.standard.entries.count + 5)
        #expect(AspectLexicon.standard.entry(for: "pasta") == nil)
        #expect(lexicon.entry(for: "nothing") == nil)
    }
}
