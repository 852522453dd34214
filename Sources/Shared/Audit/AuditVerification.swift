/// The result of walking the audit chain.
public struct AuditVerification: Sendable {
    /// Rows walked.
    public var rows: Int
    /// The first row whose hash or prev_hash does not hold, as the API shows it; nil when the chain holds.
    public var firstBroken: JSONValue?

    public var valid: Bool { firstBroken == nil }

    public init(rows: Int, firstBroken: JSONValue?) {
        self.rows = rows
        self.firstBroken = firstBroken
    }
}
