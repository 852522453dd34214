#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DedupStore {
    /// Deletes the index rows of up to `limit` samples recorded under the scopes of jobs that finished more than
    /// `hours` before `now` (the database's clock when nil); returns how many samples' rows went. Samples of
    /// those jobs are no longer checked, and dataset and global scopes are kept. Called by `DedupJobScopePruner`.
    public func deleteFinishedJobScopes(olderThanHours hours: Int, now: Date?, limit: Int) throws(DatabaseError) -> Int {
        try connection.execute(DedupSQL.deleteFinishedJobScopes, [hours, now, limit]).first?.decode("deleted") ?? 0
    }
}
