/// Cluster-wide election of periodic maintenance runs, without a leader (pg-boss's conditional update).
public struct MaintenanceRunStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// True for exactly one caller per `intervalSeconds` across all consumers.
    public func claimIfDue(task: String, intervalSeconds: Double) throws(DatabaseError) -> Bool {
        try !connection.execute(MaintenanceRunSQL.claimIfDue, [task, intervalSeconds]).isEmpty
    }
}
