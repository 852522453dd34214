/// Replaces an aspect term with a same-category alternative (aspect-focused augmentation), keeping the rest of
/// the text byte for byte.
///
/// The replacement is written in the case of the original ("Battery", "BATTERY", "battery") and in the plural when
/// the original was. Which alternative (and which term) a variant gets depends only on the seed and the variant
/// number, so a resumed job produces the same variants again.
public struct AspectReplacer: Sendable {
    public let lexicon: AspectLexicon

    public init(lexicon: AspectLexicon = .standard) {
        self.lexicon = lexicon
    }

    /// The text with the given mentions of one term replaced by `alternative`; `nil` when there is no mention,
    /// the mentions name different terms, or a mention's range does not hold its written text in `text` (it was
    /// found in another text).
    public func replacing(_ mentions: [AspectMention], with alternative: String, in text: String) -> AspectReplacement?
    {
        guard let first = mentions.first, mentions.allSatisfy({ $0.term == first.term }) else { return nil }
        var bytes = Array(text.utf8)
        let lowered = alternative.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // From the end, so earlier ranges stay valid.
        for mention in mentions.sorted(by: { $0.utf8Range.lowerBound > $1.utf8Range.lowerBound }) {
            let range = mention.utf8Range
            guard range.upperBound <= bytes.count,
                String(decoding: bytes[range], as: UTF8.self) == mention.written
            else { return nil }
            let word = mention.isPlural ? AspectReplacer.pluralising(lowered) : lowered
            bytes.replaceSubrange(range, with: Array(LetterCase(of: mention.written).apply(to: word).utf8))
        }
        let change = AspectChange(from: first.term, to: lowered, category: first.category)
        return AspectReplacement(text: String(decoding: bytes, as: UTF8.self), change: change)
    }

    /// One occurrence replaced.
    public func replacing(_ mention: AspectMention, with alternative: String, in text: String) -> AspectReplacement? {
        replacing([mention], with: alternative, in: text)
    }

    /// The alternative for variant `variant` (0, 1, …) of a term: the lexicon's alternatives in turn from a start
    /// the seed picks, so consecutive variants differ while there are alternatives left; never the term itself.
    public func alternative(for term: String, variant: Int, seed: UInt64) -> String? {
        let alternatives = lexicon.alternatives(for: term)
        guard !alternatives.isEmpty else { return nil }
        let start = Int(AspectReplacer.mixed(seed, term) % UInt64(alternatives.count))
        return alternatives[(start + max(variant, 0)) % alternatives.count]
    }

    /// Variant `variant` of an extraction's text: one term (every occurrence of it) replaced. Variants go round the
    /// terms first and then through each term's alternatives, from a start the seed picks, so the first variants
    /// change different aspects and no two variants repeat until every (term, alternative) pair is used; `nil`
    /// when no term has an alternative.
    public func variant(_ variant: Int, of extraction: AspectExtraction, seed: UInt64) -> AspectReplacement? {
        let replaceable = extraction.firstMentions.filter { !lexicon.alternatives(for: $0.term).isEmpty }
        var pairs: [(term: String, alternative: String)] = []
        for round in 0..<(replaceable.map { lexicon.alternatives(for: $0.term).count }.max() ?? 0) {
            for mention in replaceable {
                let alternatives = lexicon.alternatives(for: mention.term)
                if round < alternatives.count { pairs.append((mention.term, alternatives[round])) }
            }
        }
        guard !pairs.isEmpty else { return nil }
        let start = Int(
            AspectReplacer.mixed(seed, extraction.distinctTerms.joined(separator: "|")) % UInt64(pairs.count))
        let pair = pairs[(start + max(variant, 0)) % pairs.count]
        return replacing(extraction.mentions(of: pair.term), with: pair.alternative, in: extraction.text)
    }

    /// The plural of a phrase: its last word in the plural ("battery pack" → "battery packs").
    private static func pluralising(_ phrase: String) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard let last = words.popLast() else { return phrase }
        return (words + [NounPhrase.plural(of: last)]).joined(separator: " ")
    }

    /// A seed mixed with a text: FNV-1a over the UTF-8 bytes, then a SplitMix64 finaliser; stable across runs and
    /// platforms, unlike `Hasher`.
    private static func mixed(_ seed: UInt64, _ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        return hash ^ (hash >> 31)
    }
}
