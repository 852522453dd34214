/// A kind of personal data the quality pipeline looks for in generated text.
///
/// The raw value is what a sample's metadata records; the declaration order is the order kinds are reported in,
/// so the same text always yields the same metadata.
public enum PIIKind: String, Sendable, Codable, CaseIterable, Comparable {
    case email
    case phone
    case card
    case iban
    case ip

    /// What redaction leaves in place of a match (`[EMAIL]`, `[PHONE]`, …): the reader still sees that something
    /// was there, and the placeholder itself can never be mistaken for personal data on a second scan.
    public var placeholder: String { "[" + rawValue.uppercased() + "]" }

    /// Declaration order, so a sorted list of kinds is stable across runs.
    public static func < (left: PIIKind, right: PIIKind) -> Bool {
        let order = allCases
        return (order.firstIndex(of: left) ?? 0) < (order.firstIndex(of: right) ?? 0)
    }
}
