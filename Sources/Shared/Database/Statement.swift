/// A named SQL statement with `$n` placeholders.
///
/// Statements are declared once as `static let`s in an `<Aggregate>SQL` enum; the name is what errors and
/// logs show, and the per-connection prepared-statement cache key.
public struct Statement: Sendable {
    public let name: String
    public let sql: String

    public init(_ name: String, _ sql: String) {
        self.name = name
        self.sql = sql
    }
}
