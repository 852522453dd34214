/// Finds a lexicon's aspect terms in a text, without an LLM.
///
/// Terms match on whole words, case-insensitively, longest first at each position ("battery life" before
/// "battery"), and a term's last word also matches its regular plural ("refunds"). Words of a multi-word term may
/// be separated by spaces or one hyphen, never by punctuation. The result depends only on the text and the lexicon.
public struct AspectExtractor: Sendable {
    public let lexicon: AspectLexicon
    /// Candidate entries by first word, longest first.
    private let candidates: [String: [AspectEntry]]

    public init(lexicon: AspectLexicon = .standard) {
        self.lexicon = lexicon
        var candidates: [String: [AspectEntry]] = [:]
        for entry in lexicon.entries {
            candidates[entry.words[0], default: []].append(entry)
            // A one-word term in the plural starts with a different word.
            if entry.words.count == 1 { candidates[NounPhrase.plural(of: entry.words[0]), default: []].append(entry) }
        }
        self.candidates = candidates.mapValues { entries in
            // Stable: entries of equal length keep lexicon order.
            entries.enumerated().sorted { ($0.element.words.count, $1.offset) > ($1.element.words.count, $0.offset) }
                .map(\.element)
        }
    }

    public func extract(_ text: String) -> AspectExtraction {
        let spans = WordSpans(text)
        var mentions: [AspectMention] = []
        var index = 0
        while index < spans.words.count {
            if let (entry, isPlural) = match(at: index, in: spans) {
                mentions.append(mention(of: entry, at: index, isPlural: isPlural, in: spans))
                index += entry.words.count
            } else {
                index += 1
            }
        }
        return AspectExtraction(text: text, mentions: mentions)
    }

    /// The longest entry whose words start at `index`, and whether its last word is in the plural.
    private func match(at index: Int, in spans: WordSpans) -> (AspectEntry, Bool)? {
        let words = spans.words
        guard let entries = candidates[words[index].folded] else { return nil }
        for entry in entries where index + entry.words.count <= words.count {
            let last = entry.words.count - 1
            let inner = (0..<last).allSatisfy { words[index + $0].folded == entry.words[$0] && spans.joins(index + $0) }
            guard inner else { continue }
            let written = words[index + last].folded
            if written == entry.words[last] { return (entry, false) }
            if written == NounPhrase.plural(of: entry.words[last]) { return (entry, true) }
        }
        return nil
    }

    private func mention(of entry: AspectEntry, at index: Int, isPlural: Bool, in spans: WordSpans) -> AspectMention {
        let end = index + entry.words.count - 1
        let range = spans.words[index].utf8Range.lowerBound..<spans.words[end].utf8Range.upperBound
        var first = index
        while index - first < 2, first > 0, spans.joins(first - 1), NounPhrase.canModify(spans.words[first - 1].folded)
        {
            first -= 1
        }
        let phraseRange = spans.words[first].utf8Range.lowerBound..<range.upperBound
        return AspectMention(
            term: entry.term, written: spans.text(range), category: entry.category, utf8Range: range,
            isPlural: isPlural, phrase: spans.text(phraseRange), phraseUTF8Range: phraseRange)
    }
}
