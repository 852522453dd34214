/// Aspect terms by category, each with same-category alternatives, for finding the aspects a sample talks about
/// and for swapping one for another.
///
/// Built from groups of interchangeable terms: every term of a group lists the others as its alternatives, in
/// group order. Entry order is fixed (category by category, group by group), so whatever is derived from a lexicon
/// is the same on every run.
public struct AspectLexicon: Sendable {
    /// Every entry, in declaration order.
    public private(set) var entries: [AspectEntry] = []
    private var positions: [[String]: Int] = [:]

    /// A lexicon from groups of interchangeable terms per category. A term that appears twice keeps its first
    /// entry; a group of one term gets the category's other terms as alternatives.
    public init(groups: [(category: AspectCategory, groups: [[String]])]) {
        for (category, categoryGroups) in groups {
            for group in categoryGroups { add(group, to: category) }
        }
    }

    /// The built-in product, service and experience terms.
    public static let standard = AspectLexicon(groups: standardGroups)

    /// This lexicon plus a template's own terms: each key names a category (a standard one or a new one), each value
    /// its terms. The added terms of one category are alternatives of one another; a single added term gets the
    /// category's existing terms. Terms the lexicon already knows keep their entry and a blank category is ignored.
    /// Keys are applied in sorted order so the result does not depend on dictionary order.
    public func extended(with additions: [String: [String]]) -> AspectLexicon {
        var lexicon = self
        for name in additions.keys.sorted() where !AspectCategory(name).rawValue.isEmpty {
            lexicon.add(additions[name] ?? [], to: AspectCategory(name))
        }
        return lexicon
    }

    /// The entry of a term, compared case-insensitively on its words.
    public func entry(for term: String) -> AspectEntry? {
        positions[AspectEntry.words(of: term)].map { entries[$0] }
    }

    /// The same-category alternatives of a term, empty for a term the lexicon does not know.
    public func alternatives(for term: String) -> [String] { entry(for: term)?.alternatives ?? [] }

    public var categories: [AspectCategory] {
        var seen: Set<AspectCategory> = []
        return entries.map(\.category).filter { seen.insert($0).inserted }
    }

    public func terms(in category: AspectCategory) -> [String] {
        entries.filter { $0.category == category }.map(\.term)
    }

    private mutating func add(_ group: [String], to category: AspectCategory) {
        let terms = group.map(AspectLexicon.normalised).filter { !AspectEntry.words(of: $0).isEmpty }
        let existing = terms.count == 1 ? self.terms(in: category) : []
        for term in terms where positions[AspectEntry.words(of: term)] == nil {
            let others = terms.filter { $0 != term } + existing
            let entry = AspectEntry(term: term, category: category, alternatives: others)
            positions[entry.words] = entries.count
            entries.append(entry)
        }
    }

    /// Lower case with single spaces, as entries are spelled.
    private static func normalised(_ term: String) -> String {
        term.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
