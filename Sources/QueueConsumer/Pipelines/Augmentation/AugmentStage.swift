import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Makes the variants of kept originals: ADA locally (one aspect term replaced per variant), CDA from a
/// provider's paraphrases that keep every aspect term, CADA from further paraphrases with one term then replaced
/// locally. One rewrite call per original serves all its CDA and CADA variants. Every variant is checked
/// against its original without an LLM (`VariantCheck`); a failed check is stored with its reasons.
struct AugmentStage {
    let request: AugmentationRequest
    let jobID: UUID
    let provider: any Provider
    let model: String
    let product: String
    let temperature: Double
    let seed: Int?
    let cacheMode: String
    /// Sample indices below this belong to originals.
    let base: Int
    /// The job's template's aspect lexicon: the standard terms and the template's own.
    let extractor: AspectExtractor
    let replacer: AspectReplacer
    let check = VariantCheck()
    let swapCheck = VariantCheck(bounds: .aspectSwap)

    init(
        request: AugmentationRequest, jobID: UUID, provider: any Provider, model: String, product: String,
        temperature: Double, seed: Int?, cacheMode: String, base: Int, lexicon: AspectLexicon = .standard
    ) {
        self.request = request
        self.jobID = jobID
        self.provider = provider
        self.model = model
        self.product = product
        self.temperature = temperature
        self.seed = seed
        self.cacheMode = cacheMode
        self.base = base
        extractor = AspectExtractor(lexicon: lexicon)
        replacer = AspectReplacer(lexicon: lexicon)
    }

    func original(index: Int, text: String) -> AugmentationOriginal {
        let id = SampleSeed.sampleID(jobID: jobID, index: index)
        return AugmentationOriginal(
            index: index, id: id, text: text, aspects: extractor.extract(text), prepared: check.prepare(text),
            family: family(of: index, id: id))
    }

    /// Whether a slot's text starts as a provider paraphrase (CDA, CADA) rather than as the original (ADA).
    static func isParaphrased(_ slot: VariantSlot) -> Bool { slot.strategy != .ada }

    /// The rewrite call asking one paraphrase per slot, all of one original.
    func call(for slots: [VariantSlot], of original: AugmentationOriginal, id: Int, attempt: Int) -> PlannedCall {
        let prompt = RewritePrompt(text: original.text, count: slots.count, keep: original.writtenTerms)
        let first = slots.map { $0.sampleIndex(base: base) }.min() ?? base
        let request = prompt.request(model: model, temperature: temperature, seed: seed.map { $0 &+ first })
        let deterministic = temperature == 0 || seed != nil
        return PlannedCall(
            jobID: jobID, id: id, sampleIndex: first, attempt: attempt, purpose: .augmentation, provider: provider,
            request: request, cacheable: cacheMode == "auto" && deterministic && !provider.answersLocally,
            discriminator: "augment:" + slots.map { String($0.sampleIndex(base: base)) }.joined(separator: ","))
    }

    /// The call asking the provider for alternatives to an original's aspect terms.
    func alternativesCall(for original: AugmentationOriginal, id: Int, attempt: Int) -> PlannedCall {
        let prompt = AlternativesPrompt(product: product, terms: original.termsWithCategories)
        let request = prompt.request(model: model, temperature: 0)
        return PlannedCall(
            jobID: jobID, id: id, sampleIndex: original.index, attempt: attempt, purpose: .augmentation,
            provider: provider, request: request, cacheable: cacheMode == "auto" && !provider.answersLocally,
            discriminator: "alternatives")
    }

    /// The original with the alternatives an answer names; a term the answer left out has none, and an answer
    /// naming none leaves the lexicon's.
    func withAlternatives(_ completion: Completion, for original: AugmentationOriginal) -> AugmentationOriginal {
        let named = AlternativesPrompt(product: product, terms: original.termsWithCategories).parse(completion.text)
        guard !named.isEmpty else { return original }
        var original = original
        let groups = original.aspects.firstMentions.compactMap { mention in
            named[mention.term].map { (category: mention.category, groups: [[mention.term] + $0]) }
        }
        original.swaps = AspectReplacer(lexicon: AspectLexicon(groups: groups))
        return original
    }

    /// The variants an answer brings, one paraphrase per slot in order, and the slots it left without one.
    func read(_ completion: Completion, for slots: [VariantSlot], of original: AugmentationOriginal)
        -> (drafts: [SampleDraft], missing: [VariantSlot])
    {
        let paraphrases = RewritePrompt.parse(completion.text)
        let drafts = zip(slots, paraphrases).map { slot, paraphrase in
            variant(slot, of: original, from: paraphrase, model: completion.model)
        }
        return (drafts, Array(slots.dropFirst(paraphrases.count)))
    }

    /// An ADA variant: the original with one aspect term replaced.
    func aspectVariant(_ slot: VariantSlot, of original: AugmentationOriginal) -> SampleDraft {
        variant(slot, of: original, from: original.text, model: "local")
    }

    /// The variant of `slot` made from `text` (a paraphrase, or the original itself for ADA), checked.
    private func variant(_ slot: VariantSlot, of original: AugmentationOriginal, from text: String, model: String)
        -> SampleDraft
    {
        var changes: [AspectChange] = []
        var variantText = text.trimmingSpaces
        var rejections: [VariantRejection] = []
        if slot.strategy != .cda {
            let aspects = slot.strategy == .ada ? original.aspects : extractor.extract(variantText)
            if let swap = (original.swaps ?? replacer).variant(slot.variant, of: aspects, seed: swapSeed(original)) {
                variantText = swap.text
                changes = [swap.change]
            } else {
                rejections.append(.noReplaceableAspect)
            }
        }
        let replaced = changes.flatMap { change in original.aspects.mentions(of: change.from).map(\.written) }
        // Both checks read sentiment with the same lexicon, so one preparation serves either.
        let verdict = check(for: slot.strategy).check(
            original.prepared, variant: variantText, requiredTerms: original.writtenTerms,
            allowedMissing: replaced)
        rejections += verdict.reasons
        var missing: Set<String> = []
        for case .missingAspect(let terms) in verdict.reasons { missing.formUnion(terms) }
        var draft = SampleDraft(index: slot.sampleIndex(base: base), text: variantText, model: model)
        draft.lineage = VariantLineage(
            slot: slot, originalSampleID: original.id,
            preservedAspects: original.writtenTerms.filter { !missing.contains($0) && !replaced.contains($0) },
            changedElements: changes, similarity: verdict.similarity)
        if !changes.isEmpty { draft.lineage?.alternativesSource = original.swaps == nil ? "lexicon" : "llm" }
        draft.localReasons = rejections.map(RejectionReason.variant)
        draft.family = original.family
        return draft
    }

    /// An original's id and the ids every variant of it may have.
    private func family(of index: Int, id: UUID) -> Set<UUID> {
        let slots = AugmentationStrategy.allCases.flatMap { strategy in
            AugmentationRequest.variantsPerSampleBounds.map { VariantSlot(originalIndex: index, strategy: strategy, variant: $0 - 1) }
        }
        return Set(slots.map { SampleSeed.sampleID(jobID: jobID, index: $0.sampleIndex(base: base)) } + [id])
    }

    /// The check a strategy's variants pass: an ADA swap may stay closer to its original than a paraphrase.
    func check(for strategy: AugmentationStrategy) -> VariantCheck {
        strategy == .ada ? swapCheck : check
    }

    /// Which term and alternative a variant gets: the job's seed, else its id, with the original's index, so a
    /// resumed job swaps the same terms.
    private func swapSeed(_ original: AugmentationOriginal) -> UInt64 {
        seed.map { UInt64(bitPattern: Int64($0)) &+ UInt64(original.index) }
            ?? SampleSeed.derive(jobID: jobID, index: original.index)
    }
}
