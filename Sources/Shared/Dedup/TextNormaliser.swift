/// Turns a sample's text into the words de-duplication compares, so that texts differing only in case,
/// punctuation or spacing count as the same text.
///
/// A word is a run of letters, digits and combining marks (any script); everything else (punctuation,
/// symbols, whitespace of any kind) separates words and is dropped. Lower-casing is Unicode's full mapping.
public enum TextNormaliser {
    /// The text's words, lower-cased, in order.
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// The words joined by single spaces: the form that is hashed for exact duplicates.
    public static func normalise(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// SHA-256 of the normalised text as 64 lower-case hex digits: equal for texts that normalise equally.
    ///
    /// Computed in Swift (`SHA256`), not with PostgreSQL's `sha256()`: the store sends it with the rest of a
    /// sample's fingerprint in its one statement, and a stage can compute it (and tests check it) with no
    /// database.
    public static func contentHash(_ text: String) -> String {
        SHA256.hex(of: Array(normalise(text).utf8))
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x61...0x7a).contains(value) || (0x30...0x39).contains(value) || (0x41...0x5a).contains(value)
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return properties.isAlphabetic
        }
    }
}
