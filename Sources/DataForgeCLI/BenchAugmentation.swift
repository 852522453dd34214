import Shared
import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `dataforge bench-augmentation` (hidden): what an ADA variant costs the consumer locally — the aspect extraction
/// of its original (once per original, shared by its variants), the swap (`AspectReplacer.variant`) and the check
/// against the original (`VariantCheck` with the consumer's swap bounds) — over the texts `bench-quality` uses,
/// against a baseline measured in the same run: one pass that only splits each text into normalised words.
/// Used by `bench/augmentation.sh`; prints one `RESULT` line.
struct BenchAugmentation: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-augmentation", abstract: "Benchmark the local augmentation steps (bench/augmentation.sh).",
        shouldDisplay: false)

    @OptionGroup var corpus: BenchCorpus
    @Option(help: "Variants per original.") var variants = 2

    /// One variant to check: the swap and what its original requires of it.
    private struct Swap {
        var original: VariantCheck.Original
        var replacement: AspectReplacement
        var requiredTerms: [String]
        var allowedMissing: [String]
    }

    func run() throws {
        let texts = try corpus.texts()
        let words = texts.reduce(0) { $0 + TextNormaliser.words($1).count }
        let extractor = AspectExtractor()
        let replacer = AspectReplacer()
        let check = VariantCheck(bounds: .aspectSwap)
        let timer = corpus.timer
        var sink = 0

        let baseline = timer.microseconds(texts) { sink &+= TextNormaliser.words($0).count }
        // Per original, as the consumer does it once for all its variants: the aspects, and what the checks need.
        let extract = timer.microseconds(texts) {
            sink &+= extractor.extract($0).mentions.count &+ check.prepare($0).text.utf8.count
        }
        let prepared = texts.map(check.prepare)
        let extractions = texts.map(extractor.extract)
        let slots = extractions.indices.flatMap { original in (0..<variants).map { (original, $0) } }
        let swap = timer.microseconds(slots) { original, variant in
            sink &+= replacer.variant(variant, of: extractions[original], seed: UInt64(original))?.text.utf8.count ?? 0
        }
        let swaps = slots.compactMap { original, variant -> Swap? in
            let aspects = extractions[original]
            guard let replacement = replacer.variant(variant, of: aspects, seed: UInt64(original)) else { return nil }
            return Swap(
                original: prepared[original], replacement: replacement, requiredTerms: aspects.firstMentions.map(\.written),
                allowedMissing: aspects.mentions(of: replacement.change.from).map(\.written))
        }
        let checkOne: (Swap) -> VariantVerdict = {
            check.check(
                $0.original, variant: $0.replacement.text, requiredTerms: $0.requiredTerms,
                allowedMissing: $0.allowedMissing)
        }
        let checked = swaps.isEmpty ? 0 : timer.microseconds(swaps) { sink &+= checkOne($0).reasons.count }
        let passed = swaps.filter { checkOne($0).reasons.isEmpty }.count

        // Per variant slot, as the consumer spends it: a slot without a replaceable term costs the extraction
        // and the failed swap, and is rejected without a check.
        let total = (extract * Double(texts.count) + swap * Double(slots.count) + checked * Double(swaps.count))
            / Double(max(slots.count, 1))
        print("augmentation: \(texts.count) originals, \(words / max(1, texts.count)) words on average, "
            + "\(variants) variants each, \(corpus.rounds) rounds")
        print(String(
            format: "RESULT augmentation_local|texts=%d words=%d variants=%d made=%d passed=%d no_aspect=%d "
                + "baseline_us=%.2f extract_us=%.2f swap_us=%.2f check_us=%.2f total_us=%.2f ratio=%.1f sink=%d",
            texts.count, words / max(1, texts.count), slots.count, swaps.count, passed, slots.count - swaps.count,
            baseline, extract, swap, checked, total, total / baseline, sink & 1))
    }
}
