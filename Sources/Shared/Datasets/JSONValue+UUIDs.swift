#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension JSONValue {
    /// The UUIDs of a JSON array of id strings (`to_jsonb(uuid[])`, `jsonb_agg(uuid)`); other items are skipped.
    var uuids: [UUID] {
        (arrayValue ?? []).compactMap { $0.stringValue.flatMap(UUID.init(sqlText:)) }
    }
}
