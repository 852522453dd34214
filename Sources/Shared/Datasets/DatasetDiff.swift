#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How one version's samples differ from another's, by sample id.
public struct DatasetDiff: Sendable, Equatable {
    public var added: Int
    public var removed: Int
    public var unchanged: Int
    /// The first 100 added sample ids, in the newer version's order.
    public var addedIDs: [UUID]
    /// The first 100 removed sample ids, in the older version's order.
    public var removedIDs: [UUID]

    init(row: Row) throws(DatabaseError) {
        added = try row.decode("added")
        removed = try row.decode("removed")
        unchanged = try row.decode("unchanged")
        addedIDs = try row.decode("added_ids", as: JSONValue.self).uuids
        removedIDs = try row.decode("removed_ids", as: JSONValue.self).uuids
    }
}
