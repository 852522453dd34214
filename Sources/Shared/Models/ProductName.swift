/// The product-name rule of the earlier service: keep letters and digits of any script, the space and
/// `. , ! ? - _ ( ) [ ] { }`; trim; at least two characters must remain.
public enum ProductName {
    static let allowedPunctuation: Set<Unicode.Scalar> = [
        " ", ".", ",", "!", "?", "-", "_", "(", ")", "[", "]", "{", "}",
    ]

    /// The sanitised name, or nil when fewer than two characters survive.
    public static func sanitise(_ raw: String) -> String? {
        var kept = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars where isAllowed(scalar) { kept.append(scalar) }
        let trimmed = String(kept).trimmingSpaces
        return trimmed.unicodeScalars.count >= 2 ? trimmed : nil
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if allowedPunctuation.contains(scalar) { return true }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType == .decimal
    }
}
