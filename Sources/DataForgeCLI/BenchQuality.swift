import Shared
import ArgumentParser

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `dataforge bench-quality` (hidden): what the local quality stages cost per sample — PII scan, scoring,
/// de-duplication fingerprint — over texts the offline provider writes from the built-in templates, against a
/// baseline measured in the same run: one pass that only splits the text into normalised words.
/// Used by `bench/quality.sh`; prints one `RESULT` line.
struct BenchQuality: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-quality", abstract: "Benchmark the local quality stages (bench/quality.sh).",
        shouldDisplay: false)

    @OptionGroup var corpus: BenchCorpus

    func run() throws {
        let texts = try corpus.texts()
        let words = texts.reduce(0) { $0 + TextNormaliser.words($1).count }
        print("quality: \(texts.count) texts, \(words / max(1, texts.count)) words on average, \(corpus.rounds) rounds")
        let scanner = PIIScanner()
        let scorer = QualityScorer()
        let timer = corpus.timer
        var sink = 0
        let baseline = timer.microseconds(texts) { sink &+= TextNormaliser.words($0).count }
        let pii = timer.microseconds(texts) { sink &+= scanner.scan($0).matches.count }
        let score = timer.microseconds(texts) {
            sink &+= scorer.score($0, kind: .productReview, product: "Wireless Earbuds").wordCount
        }
        let fingerprint = timer.microseconds(texts) { sink &+= DedupFingerprint(text: $0).bandKeys.count }
        let total = pii + score + fingerprint
        let renderer = try PromptRenderer(PromptTemplate.builtIns[0])
        let controls = PromptControls(product: "Wireless Earbuds", sentimentIntensity: 2, tone: "frustrated")
        let render = timer.microseconds(texts) { _ in
            sink &+= (try? renderer.prompt(controls, index: sink & 63, seed: 7))?.user.count ?? 0
        }
        print(String(
            format: "RESULT quality|texts=%d words=%d baseline_us=%.2f pii_us=%.2f score_us=%.2f fingerprint_us=%.2f "
                + "total_us=%.2f ratio=%.1f render_us=%.2f sink=%d",
            texts.count, words / max(1, texts.count), baseline, pii, score, fingerprint, total, total / baseline,
            render, sink & 1))
    }
}
