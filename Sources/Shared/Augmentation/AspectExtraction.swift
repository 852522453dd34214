/// The aspect mentions found in one text, in text order.
public struct AspectExtraction: Hashable, Sendable {
    public let text: String
    public let mentions: [AspectMention]

    /// Each term once, in order of first occurrence: what a paraphrase must keep.
    public var distinctTerms: [String] { firstMentions.map(\.term) }

    /// The first mention of each term, in text order.
    public var firstMentions: [AspectMention] {
        var seen: Set<String> = []
        return mentions.filter { seen.insert($0.term).inserted }
    }

    /// Every mention of a term (compared as the lexicon spells it).
    public func mentions(of term: String) -> [AspectMention] { mentions.filter { $0.term == term } }
}
