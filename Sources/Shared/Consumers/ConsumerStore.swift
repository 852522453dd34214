#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A consumer process as it is registered.
public struct ConsumerRecord: Sendable, Equatable {
    public var id: String
    public var host: String
    public var pid: Int
}

/// The consumers registry on one connection.
public struct ConsumerStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func register(id: String, host: String, pid: Int, queues: [String]) throws(DatabaseError) {
        try connection.execute(ConsumerSQL.register, [id, host, pid, queues])
    }

    /// Marks the consumer alive; false when it is no longer registered and must register again.
    public func heartbeat(id: String, currentJob: UUID?) throws(DatabaseError) -> Bool {
        try !connection.execute(ConsumerSQL.heartbeat, [id, currentJob]).isEmpty
    }

    public func markStopped(id: String) throws(DatabaseError) {
        try connection.execute(ConsumerSQL.markStopped, [id])
    }

    /// How many consumers heartbeat within `seconds`.
    public func countAlive(within seconds: Double) throws(DatabaseError) -> Int {
        try connection.execute(ConsumerSQL.countAlive, [seconds]).first?.decode("alive") ?? 0
    }

    /// The live consumer working on `jobID` (holding its lease), if any.
    public func find(workingOn jobID: UUID) throws(DatabaseError) -> ConsumerRecord? {
        guard let row = try connection.execute(ConsumerSQL.findLeaseOwner, [jobID]).first else { return nil }
        return ConsumerRecord(id: try row.decode("id"), host: try row.decode("host"), pid: try row.decode("pid"))
    }
}
