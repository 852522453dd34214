/// Every statement on the audit log. Appends only: the table's triggers refuse anything else.
enum AuditSQL {
    /// Appends one entry; the trigger numbers it and chains its hash to the previous entry's.
    static let append = Statement(
        "AuditSQL.append",
        """
        INSERT INTO audit_log (actor, action, subject_type, subject_id, request_id, details)
        VALUES ($1, $2, $3, $4, $5, $6::jsonb)
        """)
}
