/// What an aspect replacement changed, as a variant's lineage records it (`changed_elements`).
public struct AspectChange: Hashable, Sendable, Codable {
    /// The replaced term as the lexicon spells it.
    public let from: String
    /// The alternative put in its place, as the lexicon spells it.
    public let to: String
    public let category: AspectCategory

    public init(from: String, to: String, category: AspectCategory) {
        self.from = from
        self.to = to
        self.category = category
    }
}
