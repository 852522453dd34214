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

    @Option(help: "Number of distinct texts.") var samples = 2_000
    @Option(help: "Passes over the texts.") var rounds = 5

    func run() throws {
        let texts = try corpus()
        let words = texts.reduce(0) { $0 + TextNormaliser.words($1).count }
        print("quality: \(texts.count) texts, \(words / max(1, texts.count)) words on average, \(rounds) rounds")
        let scanner = PIIScanner()
        let scorer = QualityScorer()
        var sink = 0
        let baseline = microseconds(texts) { sink &+= TextNormaliser.words($0).count }
        let pii = microseconds(texts) { sink &+= scanner.scan($0).matches.count }
        let score = microseconds(texts) {
            sink &+= scorer.score($0, kind: .productReview, product: "Wireless Earbuds").wordCount
        }
        let fingerprint = microseconds(texts) { sink &+= DedupFingerprint(text: $0).bandKeys.count }
        let total = pii + score + fingerprint
        let renderer = try PromptRenderer(PromptTemplate.builtIns[0])
        let controls = PromptControls(product: "Wireless Earbuds", sentimentIntensity: 2, tone: "frustrated")
        let render = microseconds(texts) { _ in
            sink &+= (try? renderer.prompt(controls, index: sink & 63, seed: 7))?.user.count ?? 0
        }
        print(String(
            format: "RESULT quality|texts=%d words=%d baseline_us=%.2f pii_us=%.2f score_us=%.2f fingerprint_us=%.2f "
                + "total_us=%.2f ratio=%.1f render_us=%.2f sink=%d",
            texts.count, words / max(1, texts.count), baseline, pii, score, fingerprint, total, total / baseline,
            render, sink & 1))
    }

    /// Median over `rounds` of the mean microseconds per text.
    private func microseconds(_ texts: [String], _ body: (String) -> Void) -> Double {
        var means: [Double] = []
        for _ in 0..<rounds {
            let start = ContinuousClock.now
            for text in texts { body(text) }
            let elapsed = ContinuousClock.now - start
            means.append(Double(elapsed.components.attoseconds) / 1e12 / Double(texts.count)
                + Double(elapsed.components.seconds) * 1e6 / Double(texts.count))
        }
        return means.sorted()[means.count / 2]
    }

    /// Texts of every built-in template, written by the offline provider from rendered prompts.
    private func corpus() throws -> [String] {
        let provider = OfflineProvider()
        var texts: [String] = []
        for (position, template) in PromptTemplate.builtIns.enumerated() {
            let renderer = try PromptRenderer(template)
            for index in 0..<(samples / PromptTemplate.builtIns.count) {
                let controls = PromptControls(product: "Wireless Earbuds", sentimentIntensity: index % 5 + 1)
                let prompt = try renderer.prompt(controls, index: index, seed: UInt64(position))
                let request = CompletionRequest(
                    model: "offline-v1", messages: prompt.messages, temperature: 0.7, maxOutputTokens: 400)
                if case .local(.success(let completion), _) = provider.prepare(request) { texts.append(completion.text) }
            }
        }
        return texts
    }
}
