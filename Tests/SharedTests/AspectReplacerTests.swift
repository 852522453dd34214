import Shared
import Testing

/// Aspect replacement swaps one term for a same-category alternative in the original's case, and the choice per
/// variant is a function of the seed.
@Suite struct AspectReplacerTests {
    private let extractor = AspectExtractor()
    private let replacer = AspectReplacer()

    @Test func replacementKeepsTheCaseOfTheOriginal() throws {
        let text = "Battery life is great. BATTERY LIFE matters. I like the battery life. Battery Life rocks."
        let mentions = extractor.extract(text).mentions
        #expect(mentions.count == 4)
        let results = try mentions.map { try #require(replacer.replacing($0, with: "battery runtime", in: text)).text }
        #expect(
            results[0] == "Battery runtime is great. BATTERY LIFE matters. I like the battery life. Battery Life rocks."
        )
        #expect(
            results[1] == "Battery life is great. BATTERY RUNTIME matters. I like the battery life. Battery Life rocks."
        )
        #expect(
            results[2] == "Battery life is great. BATTERY LIFE matters. I like the battery runtime. Battery Life rocks."
        )
        #expect(
            results[3] == "Battery life is great. BATTERY LIFE matters. I like the battery life. Battery Runtime rocks."
        )
    }

    @Test func onlyTheChosenOccurrenceChanges() throws {
        let text = "The delivery was late, but the second delivery was early."
        let second = try #require(extractor.extract(text).mentions.last)
        let replacement = try #require(replacer.replacing(second, with: "shipping", in: text))
        #expect(replacement.text == "The delivery was late, but the second shipping was early.")
        #expect(replacement.change == AspectChange(from: "delivery", to: "shipping", category: .service))
    }

    @Test func pluralMentionGetsAPluralReplacement() throws {
        let text = "Two refunds and the batteries."
        let mentions = extractor.extract(text).mentions
        let refunds = try #require(replacer.replacing(mentions[0], with: "reimbursement", in: text))
        #expect(refunds.text == "Two reimbursements and the batteries.")
        let batteries = try #require(replacer.replacing(mentions[1], with: "battery pack", in: text))
        #expect(batteries.text == "Two refunds and the battery packs.")
    }

    @Test func mentionFromAnotherTextIsRefused() throws {
        let mention = try #require(extractor.extract("The price is fine.").mentions.first)
        #expect(replacer.replacing(mention, with: "cost", in: "Nothing to see here at all.") == nil)
        #expect(replacer.replacing([], with: "cost", in: "The price is fine.") == nil)
    }

    @Test func alternativeChoiceIsDeterministicCyclesAndNeverTheTerm() throws {
        let alternatives = AspectLexicon.standard.alternatives(for: "screen")
        #expect(alternatives.count == 2)
        let chosen = (0..<4).compactMap { replacer.alternative(for: "screen", variant: $0, seed: 7) }
        #expect(chosen == (0..<4).compactMap { replacer.alternative(for: "screen", variant: $0, seed: 7) })
        #expect(!chosen.contains("screen"))
        #expect(chosen[0] != chosen[1])
        #expect(Set(chosen.prefix(2)) == Set(alternatives))
        #expect(chosen[2] == chosen[0] && chosen[3] == chosen[1])
        #expect(replacer.alternative(for: "spaceship", variant: 0, seed: 7) == nil)
        // Different seeds start at different places for some terms.
        let starts = Set((0..<16).compactMap { replacer.alternative(for: "price", variant: 0, seed: UInt64($0)) })
        #expect(starts.count > 1)
    }

    @Test func variantsAreDeterministicAndDifferFromEachOther() throws {
        let extraction = extractor.extract("The Battery life is short, the delivery was late and the price is high.")
        let variants = try (0..<6).map { try #require(replacer.variant($0, of: extraction, seed: 42)) }
        let again = try (0..<6).map { try #require(replacer.variant($0, of: extraction, seed: 42)) }
        #expect(variants == again)
        #expect(Set(variants.map(\.text)).count == variants.count)
        // The first variants change different aspects.
        #expect(Set(variants.prefix(3).map(\.change.from)) == ["battery life", "delivery", "price"])
        for variant in variants {
            #expect(variant.text != extraction.text)
            #expect(variant.change.to != variant.change.from)
            let kept = AspectExtractor().extract(variant.text).distinctTerms
            #expect(kept.contains(variant.change.to))
            #expect(!kept.contains(variant.change.from))
            #expect(kept.count == 3)
        }
    }

    @Test func variantReplacesEveryOccurrenceOfItsTerm() throws {
        let extraction = extractor.extract("Warranty claims? The warranty covers it.")
        let variant = try #require(replacer.variant(0, of: extraction, seed: 1))
        #expect(variant.text == "Guarantee claims? The guarantee covers it.")
        #expect(replacer.variant(0, of: extractor.extract("Nothing here."), seed: 1) == nil)
    }
}
