/// One audited mutation.
public struct AuditEntry: Sendable {
    /// `api`, `consumer:<id>`, `maintenance`.
    public var actor: String
    /// `job.created`, `job.cancelled`, `job.cancel_requested`, `job.completed`, `job.failed`, …
    public var action: String
    public var subjectType: String
    public var subjectID: String?
    public var requestID: String?
    public var details: JSONValue

    public init(
        actor: String, action: String, subjectType: String, subjectID: String?, requestID: String?,
        details: JSONValue = [:]
    ) {
        self.actor = actor
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.requestID = requestID
        self.details = details
    }
}

/// The audit log on one connection; append in the same transaction as the change it records.
public struct AuditStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func append(_ entry: AuditEntry) throws(DatabaseError) {
        try connection.execute(
            AuditSQL.append,
            [entry.actor, entry.action, entry.subjectType, entry.subjectID, entry.requestID, entry.details])
    }
}
