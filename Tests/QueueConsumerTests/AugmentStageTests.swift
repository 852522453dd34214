import Foundation
@testable import QueueConsumer
import Shared
import Testing

/// Each strategy on fixed texts: what a variant keeps, what it changes, and which variants the checks reject.
@Suite struct AugmentStageTests {
    static let original = "The battery lasts two full days and the screen is bright and sharp, so I am really happy with it."
    let stage = AugmentStage(
        request: AugmentationRequest(strategies: [.cda, .ada, .cada]), jobID: UUID(), provider: OfflineProvider(),
        model: "offline-v1", product: "Phone", temperature: 0.7, seed: 3, cacheMode: "off", base: 100)

    private func paraphrased(_ texts: [String], strategy: AugmentationStrategy) -> [SampleDraft] {
        let original = stage.original(index: 0, text: Self.original)
        let slots = texts.indices.map { VariantSlot(originalIndex: 0, strategy: strategy, variant: $0) }
        let items = texts.enumerated().map { #"{"variant":\#($0.offset + 1),"text":"\#($0.element)"}"# }
        let answer = Completion(
            text: #"{"paraphrases":["# + items.joined(separator: ",") + "]}", inputTokens: 1, outputTokens: 1,
            model: "m")
        return stage.read(answer, for: slots, of: original).drafts
    }

    @Test func adaSwapsOneAspectKeepingTheOthersTheSentimentAndTheRest() throws {
        let original = stage.original(index: 0, text: Self.original)
        #expect(original.writtenTerms == ["battery", "screen"])
        let variants = (0..<2).map { stage.aspectVariant(VariantSlot(originalIndex: 0, strategy: .ada, variant: $0), of: original) }
        #expect(Set(variants.map(\.text)).count == 2, "two variants, two different swaps")
        for variant in variants {
            let lineage = try #require(variant.lineage)
            #expect(variant.localReasons.isEmpty, "\(variant.localReasons)")
            let change = try #require(lineage.changedElements.first)
            #expect(variant.text != Self.original && variant.text.contains(change.to))
            #expect(lineage.preservedAspects == ["battery", "screen"].filter { $0 != change.from })
            #expect(variant.text.hasSuffix("so I am really happy with it."))
            #expect(variant.index == VariantSlot(originalIndex: 0, strategy: .ada, variant: lineage.slot.variant).sampleIndex(base: 100))
        }
    }

    @Test func cdaKeepsAParaphraseThatKeepsEveryTermAndRejectsTheOthersWithTheirReason() {
        let drafts = paraphrased([
            "I am really happy with it: the screen is bright and sharp, and the battery keeps going for two full days.",
            "I am really happy with it because the display is bright and sharp and it lasts for two full days.",
            "The battery lasts two full days and the screen is bright and sharp, so I am really happy with it!",
            "The battery died and the screen cracked; I hate it and want my money back from this awful shop.",
        ], strategy: .cda)
        #expect(drafts[0].localReasons.isEmpty, "\(drafts[0].localReasons)")
        #expect(drafts[0].lineage?.preservedAspects == ["battery", "screen"])
        #expect(drafts[1].localReasons.contains(.variant(.missingAspect(["battery", "screen"]))))
        #expect(drafts[2].localReasons == [.variant(.nearCopy)])
        #expect(drafts[3].localReasons.contains(.variant(.sentimentChanged)))
    }

    @Test func cadaSwapsAnAspectInAParaphrase() throws {
        let drafts = paraphrased(
            ["I am really happy with it: the screen is bright and sharp, and the battery keeps going for two full days."],
            strategy: .cada)
        let draft = try #require(drafts.first)
        #expect(draft.localReasons.isEmpty, "\(draft.localReasons)")
        let change = try #require(draft.lineage?.changedElements.first)
        #expect(draft.text.hasPrefix("I am really happy with it:"), "the paraphrase, not the original")
        #expect(draft.text.contains(change.to) && !draft.text.contains(" \(change.from) "))
    }

    @Test func aTemplatesOwnTermsAreFoundAndSwapped() throws {
        let lexicon = AspectLexicon.standard.extended(with: ["hardware": ["hinge", "latch", "clasp"]])
        let stage = AugmentStage(
            request: AugmentationRequest(strategies: [.ada]), jobID: UUID(), provider: OfflineProvider(),
            model: "offline-v1", product: "Laptop", temperature: 0.7, seed: 3, cacheMode: "off", base: 100,
            lexicon: lexicon)
        let original = stage.original(index: 0, text: "The hinge creaks every time I open the lid, which is annoying.")
        #expect(original.writtenTerms == ["hinge"])
        let variant = stage.aspectVariant(VariantSlot(originalIndex: 0, strategy: .ada, variant: 0), of: original)
        let change = try #require(variant.lineage?.changedElements.first)
        #expect(change.from == "hinge" && ["latch", "clasp"].contains(change.to))
        #expect(variant.text == "The \(change.to) creaks every time I open the lid, which is annoying.")
    }
}
