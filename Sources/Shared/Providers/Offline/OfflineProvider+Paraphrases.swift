extension OfflineProvider {
    /// `{"paraphrases":[{"variant":N,"text":…}]}`: as many `OfflineParaphrase` variants of the `### Text` section
    /// as the preamble's first line containing "paraphrase" asks for (1…20; 3 when it names no number), keeping
    /// every term the preamble lists as a `- ` line.
    func paraphrases(_ prompt: OfflinePrompt) -> JSONValue {
        let (preamble, sections) = prompt.sections("Text")
        let lines = preamble.split(separator: "\n").map(\.trimmingSpaces)
        let request = lines.first { $0.lowercased().contains("paraphrase") } ?? ""
        let number = request.split(whereSeparator: { !$0.isWholeNumber }).first.flatMap { Int($0) }
        let count = min(max(number ?? 3, 1), 20)
        let terms = lines.filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2).trimmingSpaces }
        let text = sections.first?.body ?? preamble
        let variants = OfflineParaphrase(text: text, terms: terms).variants(count, seed: prompt.seed(for: prompt.user))
        let items: [JSONValue] = variants.enumerated().map { offset, variant in
            ["variant": .int(offset + 1), "text": .string(variant)]
        }
        return ["paraphrases": .array(items)]
    }
}
