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

    /// Entries in id order after id `after`, at most `limit`, as the API shows them.
    public func list(_ filter: AuditFilter, after: Int?, limit: Int) throws(DatabaseError) -> [(id: Int, entry: JSONValue)] {
        let rows = try connection.execute(
            AuditSQL.list,
            [filter.actor, filter.action, filter.targetType, filter.target, filter.since, filter.until, after, limit])
        var entries: [(id: Int, entry: JSONValue)] = []
        for row in rows { entries.append((try row.decode("id"), try row.decode("entry"))) }
        return entries
    }

    /// Walks the whole chain in PostgreSQL (one statement: the rows never come to the caller).
    public func verify() throws(DatabaseError) -> AuditVerification {
        let rows = try connection.execute(AuditSQL.verify)
        guard let row = rows.first else {
            throw DatabaseError(.unexpectedResult, message: "verify returned no row", statement: AuditSQL.verify.name)
        }
        let count: Int = try row.decode("rows")
        guard let id: Int = try row.decodeIfPresent("id") else { return AuditVerification(rows: count, firstBroken: nil) }
        var broken: JSONObject = ["id": .int(id), "chain": .int(try row.decode("chain"))]
        for column in ["at", "reason", "stored_hash", "computed_hash", "stored_prev_hash", "expected_prev_hash"] {
            broken[column] = .string(try row.decode(column))
        }
        return AuditVerification(rows: count, firstBroken: .object(broken))
    }
}
