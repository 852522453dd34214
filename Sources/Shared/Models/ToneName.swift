/// The tone rule: keep letters and digits of any script, the space and the hyphen; trim.
///
/// A tone is written into prompts, so everything that could start markup or an instruction is dropped.
public enum ToneName {
    /// At most this many characters once sanitised.
    public static let maxLength = 40

    /// The sanitised tone, or nil when nothing survives.
    public static func sanitise(_ raw: String) -> String? {
        var kept = String.UnicodeScalarView()
        for scalar in raw.unicodeScalars where isAllowed(scalar) { kept.append(scalar) }
        let trimmed = String(kept).trimmingSpaces
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " || scalar == "-" { return true }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType == .decimal
    }
}
