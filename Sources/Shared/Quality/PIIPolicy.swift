/// What the quality pipeline does with a sample in which `PIIScanner` finds personal data (`DATAFORGE_PII`).
///
/// Whatever the policy, the kinds found are recorded in the sample's metadata, never the values; with `redact`, the
/// response cache and `test-llm` keep and echo only the redacted text.
public enum PIIPolicy: String, Sendable, CaseIterable {
    /// Replace each match by its placeholder and keep the sample (the default).
    case redact
    /// Drop the sample, with the kinds found as its rejection reason.
    case reject
    /// Do not look for personal data.
    case off

    /// The names `DATAFORGE_PII` accepts, for its error message.
    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
