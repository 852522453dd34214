#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What one batch of call retention did.
public struct LLMCallRollUp: Sendable, Equatable {
    /// Call records deleted.
    public var deleted: Int
    /// Daily aggregate rows created or added to.
    public var days: Int
}

extension LLMCallStore {
    /// Rolls up to `limit` calls older than `days` before `now` (the database's clock when nil) into
    /// `llm_call_daily` and deletes them, in one statement. Called by `LLMCallPruner`.
    public func rollUpAndDelete(olderThanDays days: Int, now: Date?, limit: Int) throws(DatabaseError)
        -> LLMCallRollUp
    {
        let rows = try connection.execute(LLMCallSQL.rollUpAndDeleteBefore, [days, now, limit])
        guard let row = rows.first else { return LLMCallRollUp(deleted: 0, days: 0) }
        return LLMCallRollUp(deleted: try row.decode("deleted"), days: try row.decode("days"))
    }
}
