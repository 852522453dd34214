/// One aspect term of a lexicon, with its category and the same-category terms that may stand in for it.
public struct AspectEntry: Hashable, Sendable {
    /// The term as the lexicon spells it, lower case: "battery life", "user-friendliness".
    public let term: String
    public let category: AspectCategory
    /// Same-category replacements in preference order; never contains `term` itself.
    public let alternatives: [String]
    /// The term's words as matched: split on anything that is not a letter or digit, so "user-friendliness" is
    /// matched in "user friendliness" as well.
    let words: [String]

    init(term: String, category: AspectCategory, alternatives: [String]) {
        self.term = term
        self.category = category
        self.words = AspectEntry.words(of: term)
        let key = words
        var seen: Set<[String]> = [key]
        self.alternatives = alternatives.filter { seen.insert(AspectEntry.words(of: $0)).inserted }
    }

    /// The matching key of a term: lower-case runs of letters and digits.
    static func words(of term: String) -> [String] {
        WordSpans(term).words.map(\.folded)
    }
}
