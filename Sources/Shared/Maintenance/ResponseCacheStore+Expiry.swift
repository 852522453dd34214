#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension ResponseCacheStore {
    /// Deletes up to `limit` answers cached more than `days` before `now` (the database's clock when nil);
    /// returns how many. A later identical call asks the provider again. Called by `ResponseCacheExpirer`.
    public func deleteEntries(olderThanDays days: Int, now: Date?, limit: Int) throws(DatabaseError) -> Int {
        try connection.execute(ResponseCacheSQL.deleteCreatedBefore, [days, now, limit]).first?.decode("deleted") ?? 0
    }
}
