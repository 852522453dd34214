/// One occurrence of an aspect term in a text.
///
/// Ranges are UTF-8 offsets into the text the mention was found in, as in `PIIMatch`, so a mention can be stored
/// or compared without the text; both ends are character boundaries.
public struct AspectMention: Hashable, Sendable, Codable {
    /// The term as the lexicon spells it: "battery life".
    public let term: String
    /// The text as written: "Battery-Life", "batteries".
    public let written: String
    public let category: AspectCategory
    public let utf8Range: Range<Int>
    /// Whether the text has the term's plural ("refunds" for "refund"), so a replacement is put in the plural too.
    public let isPlural: Bool
    /// The noun phrase around the term as written: up to two modifiers before it and the term ("wireless
    /// charging" in "the wireless charging case"), or just the term.
    public let phrase: String
    public let phraseUTF8Range: Range<Int>
}
