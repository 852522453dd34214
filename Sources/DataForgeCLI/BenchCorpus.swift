import Shared
import ArgumentParser

/// The texts the benchmarks of local stages measure on (`bench-quality`, `bench-augmentation`), and how many
/// passes they time: what the offline provider writes from the built-in templates' rendered prompts, the same
/// in every run.
struct BenchCorpus: ParsableArguments {
    @Option(help: "Number of distinct texts.") var samples = 2_000
    @Option(help: "Passes over the texts.") var rounds = 5

    var timer: MedianTimer { MedianTimer(rounds: rounds) }

    /// About `samples` texts, an equal share from each built-in template.
    func texts() throws -> [String] {
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
