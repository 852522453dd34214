extension PIIPolicy {
    /// `text` as it may be kept outside a sample (the response cache), or nil when it may not be kept at all.
    ///
    /// `redact` keeps only the redacted text, so the cache never holds what redaction removed; `reject` keeps
    /// no text with personal data (a redacted one would later pass where the original is rejected).
    public func keepable(_ text: String) -> String? {
        guard self != .off else { return text }
        let scan = PIIScanner().scan(text)
        if scan.isClean { return text }
        return self == .redact ? scan.redacting(text) : nil
    }

    /// `text` as it may be shown back to a caller (`/api/test-llm`): redacted unless the policy is `off`.
    public func echoable(_ text: String) -> String {
        self == .off ? text : PIIScanner().scan(text).redacting(text)
    }
}
