import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /api/audit?actor=&action=&target_type=&target=&since=&until=&after=&limit=`: audit entries in id
/// order (each chain's order, sql/0018), one page at a time.
///
/// Pages use the keyset of the entry id (`after` = the last id of the previous page, `next_after` in the
/// answer), so deep pages cost what the first does. `actor` ending in `*` matches a prefix (`consumer:*`);
/// `since` and `until` are RFC 3339 times, `until` exclusive.
struct ListAudit: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var reader = FieldReader(source: .query, fields: request.queryFields)
        reader.allowAbsent("actor", "action", "target_type", "target", "since", "until", "after")
        var filter = AuditFilter(
            actor: reader.string("actor", default: nil, length: 1...200),
            action: reader.string("action", default: nil, length: 1...100),
            targetType: reader.string("target_type", default: nil, length: 1...100),
            target: reader.string("target", default: nil, length: 1...200))
        filter.since = Self.time("since", &reader)
        filter.until = Self.time("until", &reader)
        let after = reader.int("after", default: nil, in: 0...Int.max)
        let limit = reader.int("limit", default: 100, in: 1...1000)
        guard reader.errors.isEmpty, let limit else { throw APIError.validation(reader.errors) }
        let entries = try AuditStore(try context.connection()).list(filter, after: after, limit: limit)
        let next: JSONValue = entries.count == limit ? entries.last.map { .int($0.id) } ?? .null : .null
        return .json(["entries": .array(entries.map(\.entry)), "limit": .int(limit), "next_after": next])
    }

    /// An RFC 3339 time parameter; a 422 for one that does not parse.
    static func time(_ field: String, _ reader: inout FieldReader) -> Date? {
        guard let text = reader.string(field, default: nil, length: 1...40) else { return nil }
        guard let date = RFC3339.parse(text) else {
            reader.fail(field, type: "datetime_parsing", msg: "Input should be a valid datetime (RFC 3339)")
            return nil
        }
        return date
    }
}
