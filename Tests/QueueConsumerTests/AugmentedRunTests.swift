import Foundation
@testable import QueueConsumer
import Shared
import Testing

@Suite struct AugmentedRunTests {
    private func request(
        count: Int = 4, _ strategies: [AugmentationStrategy], ratio: Double = 1, variants: Int = 2, maxCalls: Int? = nil,
        judge: AugmentationRequest.SimilarityJudge = .local, alternatives: AugmentationRequest.AlternativesSource = .lexicon
    ) -> GenerationRequest {
        var request = GenerationRequest(
            product: "Wireless Earbuds", count: count, templateName: "product_review", kind: .productReview, seed: 11)
        request.augmentation = AugmentationRequest(
            strategies: strategies, ratio: ratio, variantsPerSample: variants, maxCalls: maxCalls, similarityJudge: judge,
            alternatives: alternatives)
        return request
    }

    @Test func everyKeptOriginalGetsEachStrategysVariantsWithLineageFromOneCallPerOriginal() throws {
        let fixture = try AugmentedRunFixture(request([.cda, .ada, .cada]))
        fixture.drive()
        #expect(fixture.run.end == .completed)
        let originals = fixture.written.filter { $0.draft.lineage == nil }.map(\.draft)
        #expect(originals.filter(\.passesLocally).count == 4)
        let variants = fixture.variants.values
        #expect(variants.count == 4 * 3 * 2)
        #expect(fixture.augmentationCalls.count == 4, "one rewrite call serves an original's CDA and CADA variants")
        let originalIDs = Set(originals.map { SampleSeed.sampleID(jobID: fixture.jobID, index: $0.index) })
        for variant in variants {
            let lineage = try #require(variant.lineage)
            #expect(variant.index >= fixture.base && variant.index == lineage.slot.sampleIndex(base: fixture.base))
            #expect(originalIDs.contains(lineage.originalSampleID))
            let original = try #require(originals.first { $0.index == lineage.slot.originalIndex })
            if variant.passesLocally { #expect(variant.text != original.text) }
            switch lineage.slot.strategy {
            case .cda: #expect(lineage.changedElements.isEmpty)
            case .ada, .cada:
                #expect(lineage.changedElements.count == 1 || variant.localReasons.contains(.variant(.noReplaceableAspect)))
            }
        }
        for strategy in AugmentationStrategy.allCases {
            let kept = variants.filter { $0.lineage?.slot.strategy == strategy && $0.passesLocally }
            #expect(!kept.isEmpty, "\(strategy) kept none: \(variants.filter { $0.lineage?.slot.strategy == strategy }.map(\.localReasons))")
        }
    }

    @Test func aSwapKeepsEveryOtherAspectAndTheParaphraseKeepsThemAll() throws {
        let fixture = try AugmentedRunFixture(request([.cda, .ada], variants: 1))
        fixture.drive()
        for variant in fixture.variants.values where variant.passesLocally {
            let lineage = try #require(variant.lineage)
            let original = try #require(fixture.written.first { $0.draft.index == lineage.slot.originalIndex }?.draft)
            let terms = AspectExtractor().extract(original.text).firstMentions.map(\.written)
            let replaced = Set(lineage.changedElements.map(\.from))
            #expect(Set(lineage.preservedAspects) == Set(terms.filter { !replaced.contains($0.lowercased()) }))
            for term in lineage.changedElements.map(\.to) { #expect(variant.text.lowercased().contains(term)) }
        }
    }

    @Test func aRatioAugmentsTheFirstOriginalsRoundedUp() throws {
        let fixture = try AugmentedRunFixture(request(count: 5, [.ada], ratio: 0.3, variants: 1))
        fixture.drive()
        let augmented = Set(fixture.variants.values.compactMap { $0.lineage?.slot.originalIndex })
        #expect(augmented.count == 2, "ceil(5 × 0.3)")
    }

    @Test func aCallBudgetStopsTheAugmentationAndTheJobCompletesWithWhatItHas() throws {
        let fixture = try AugmentedRunFixture(request([.cda, .ada], maxCalls: 1))
        fixture.drive()
        #expect(fixture.run.end == .completed)
        #expect(fixture.augmentationCalls.count == 1)
        let byStrategy = Dictionary(grouping: fixture.variants.values) { $0.lineage!.slot.strategy }
        #expect(byStrategy[.cda]?.count == 2, "the one call's paraphrases")
        #expect(byStrategy[.ada]?.count == 8, "local variants need no call")
    }

    @Test func aResumedJobMakesOnlyTheVariantsNotStoredYet() throws {
        let first = try AugmentedRunFixture(request([.cda, .ada]))
        first.drive()
        let originals = first.written.filter { $0.draft.lineage == nil && $0.draft.passesLocally }.map(\.draft)
        let stored = Set(first.variants.keys)
        let dropped = Set(first.variants.values.filter { $0.lineage?.slot.originalIndex == originals[0].index }.map(\.index))
        let resume = ResumePoint(
            storedIndices: Set(first.written.map(\.draft.index)).subtracting(dropped),
            keptIndices: Set(originals.map(\.index)), spentUSD: 0)
        let second = try AugmentedRunFixture(
            request([.cda, .ada]), resume: resume,
            augmentation: AugmentationResume(
                keptOriginals: originals.map { ($0.index, $0.text) }, storedVariants: stored.subtracting(dropped),
                callsMade: 4))
        second.drive()
        #expect(second.run.end == .completed)
        #expect(second.calls.allSatisfy { $0.purpose == .augmentation }, "the originals are all there: no generation call")
        #expect(Set(second.written.map(\.draft.index)) == dropped)
        #expect(second.augmentationCalls.count == 1)
    }

    @Test func slotsMissingFromAnAnswerAreAskedAgain() throws {
        let fixture = try AugmentedRunFixture(request(count: 1, [.cda], variants: 3))
        var first = true
        fixture.drive { call in
            guard call.purpose == .augmentation, first else { return AugmentedRunFixture.offline(call) }
            first = false
            return RunFixture.answered(call, text: #"{"paraphrases":[{"variant":1,"text":"Only one paraphrase came back from the model today."}]}"#)
        }
        #expect(fixture.augmentationCalls.count == 2)
        #expect(fixture.augmentationCalls[1].attempt == 2)
        #expect(fixture.variants.count == 3)
    }

    @Test func anLLMJudgeMeasuresSimilarityInBatchesAndItsBandDecides() throws {
        let fixture = try AugmentedRunFixture(request([.cda, .ada], judge: .llm))
        var judged: [Int] = []
        fixture.drive { call in
            guard call.purpose == .similarity else { return AugmentedRunFixture.offline(call) }
            let pairs = call.request.messages.last?.content.components(separatedBy: "### Pair ").count ?? 1
            judged.append(pairs - 1)
            // A judge that finds every variant a near copy.
            let items = (0..<200).map { #"{"index":\#($0),"similarity":0.99}"# }.joined(separator: ",")
            return RunFixture.answered(call, text: #"{"judgements":["# + items + "]}")
        }
        #expect(fixture.run.end == .completed)
        #expect(!judged.isEmpty && judged.allSatisfy { $0 <= SimilarityPrompt.maxPairs })
        let judgedVariants = fixture.variants.values.filter { $0.lineage?.similaritySource == "llm" }
        #expect(judgedVariants.count == judged.reduce(0, +))
        for variant in judgedVariants {
            #expect(variant.lineage?.similarity == 0.99)
            let nearCopy = variant.lineage?.slot.strategy == .cda
            #expect(variant.localReasons.contains(.variant(.nearCopy)) == nearCopy, "0.99 is inside an aspect swap's band")
        }
    }

    @Test func alternativesFromTheProviderAreAskedOncePerOriginalAndSwappedIn() throws {
        let fixture = try AugmentedRunFixture(request([.ada, .cada], alternatives: .llm))
        fixture.drive { call in
            guard call.request.responseSchema?.name == "alternatives" else { return AugmentedRunFixture.offline(call) }
            let terms = call.request.messages.last?.content.components(separatedBy: "\n")
                .filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2).components(separatedBy: " (")[0] } ?? []
            let items = terms.map { #"{"term":"\#($0)","alternative":"spare \#($0.split(separator: " ").last ?? "")"}"# }
            return RunFixture.answered(call, text: #"{"alternatives":["# + items.joined(separator: ",") + "]}")
        }
        #expect(fixture.run.end == .completed)
        let alternativesCalls = fixture.calls.filter { $0.request.responseSchema?.name == "alternatives" }
        let originalsWithAspects = fixture.written.filter { $0.draft.lineage == nil && $0.draft.passesLocally }
            .filter { !AspectExtractor().extract($0.draft.text).mentions.isEmpty }
        #expect(alternativesCalls.count == originalsWithAspects.count)
        // A paraphrase may name an aspect its original did not: its swap then comes from the lexicon.
        let asked = Set(originalsWithAspects.map(\.draft.index))
        let swapped = fixture.variants.values.compactMap(\.lineage)
            .filter { !$0.changedElements.isEmpty && asked.contains($0.slot.originalIndex) }
        #expect(!swapped.isEmpty)
        for lineage in swapped {
            #expect(lineage.alternativesSource == "llm")
            #expect(lineage.changedElements.allSatisfy { $0.to.hasPrefix("spare ") }, "\(lineage.changedElements)")
        }
    }

    @Test func theJobsCostLimitEndsTheAugmentationAndTheJobCompletesWithWhatItHas() throws {
        var priced = request([.cda, .ada])
        priced.provider = "openai"
        priced.model = "gpt-4o-mini"
        priced.maxCostUSD = 0.01
        let fixture = try AugmentedRunFixture(priced)
        // The originals spend all but a hundredth of a cent: no rewrite call fits beside that.
        fixture.drive(cost: { $0.purpose == .generation ? 0.00999 : 0 })
        #expect(fixture.run.end == .completed)
        #expect(fixture.run.budgetStop == "max_cost_usd")
        #expect(fixture.augmentationCalls.isEmpty)
        #expect(fixture.variants.values.allSatisfy { $0.lineage?.slot.strategy == .ada } && fixture.variants.count == 8)
    }

    @Test func aCancelDuringTheAugmentationEndsTheJobAtOnce() throws {
        let fixture = try AugmentedRunFixture(request([.cda]))
        var cancelled = false
        fixture.drive { call in
            if call.purpose == .augmentation, !cancelled {
                cancelled = true
                fixture.run.cancel()
            }
            return AugmentedRunFixture.offline(call)
        }
        #expect(cancelled && fixture.run.end == .cancelled)
        #expect(fixture.augmentationCalls.count <= 4 && fixture.variants.isEmpty, "answers after the cancel are not kept")
    }
}
