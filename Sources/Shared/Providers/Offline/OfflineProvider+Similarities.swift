extension OfflineProvider {
    /// `{"judgements":[{"index":N,"similarity":…}]}`: for each `### Pair N`, the character-trigram similarity of
    /// its `Original:` and `Variant:` texts (what augmentation's local check measures), to 3 decimals.
    func similarities(_ prompt: OfflinePrompt) -> JSONValue {
        let items: [JSONValue] = prompt.sections("Pair").sections.enumerated().map { position, section in
            let (original, variant) = Self.pair(section.body)
            let similarity = CharacterTrigrams(text: original).jaccard(CharacterTrigrams(text: variant))
            let rounded = (similarity * 1000).rounded() / 1000
            return ["index": .int(section.index ?? position), "similarity": .double(rounded)]
        }
        return ["judgements": .array(items)]
    }

    /// The original (up to the first line starting `Variant:`) and the variant of a pair, labels removed; texts
    /// may span lines.
    static func pair(_ body: String) -> (original: String, variant: String) {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let split = lines.firstIndex { $0.hasPrefix("Variant:") } ?? lines.endIndex
        func text(_ lines: ArraySlice<Substring>, label: String) -> String {
            let joined = lines.joined(separator: "\n")
            return (joined.hasPrefix(label) ? String(joined.dropFirst(label.count)) : joined).trimmingSpaces
        }
        return (text(lines[..<split], label: "Original:"), text(lines[split...], label: "Variant:"))
    }
}
