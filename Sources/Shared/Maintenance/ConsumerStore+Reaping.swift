#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What one sweep of dead consumers removed.
public struct ConsumerReaping: Sendable, Equatable {
    /// Registry rows of consumers stopped or silent past the retention.
    public var consumers: Int
    /// In-flight counts of consumers that are not live.
    public var inFlight: Int
}

extension ConsumerStore {
    /// Deletes consumers stopped or silent for longer than `deadSeconds` before `now` (the database's clock
    /// when nil), and the in-flight counts of every consumer silent for longer than `staleSeconds`, stopped or
    /// gone. Called by `ConsumerReaper`.
    public func deleteDead(deadSeconds: Double, staleSeconds: Double, now: Date?) throws(DatabaseError)
        -> ConsumerReaping
    {
        let rows = try connection.execute(ConsumerSQL.deleteDead, [deadSeconds, staleSeconds, now])
        guard let row = rows.first else { return ConsumerReaping(consumers: 0, inFlight: 0) }
        return ConsumerReaping(consumers: try row.decode("consumers"), inFlight: try row.decode("in_flight"))
    }
}
