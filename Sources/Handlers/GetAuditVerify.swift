import Shared

/// `GET /api/audit/verify`: walks the whole audit chain in PostgreSQL and reports whether it holds:
/// `{valid, rows, first_broken}`, where `first_broken` is the first row whose hash or prev_hash does not
/// (with its id, why, and the stored and recomputed hashes), or null.
struct GetAuditVerify: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let verification = try AuditStore(try context.connection()).verify()
        return .json([
            "valid": .bool(verification.valid), "rows": .int(verification.rows),
            "first_broken": verification.firstBroken ?? .null,
        ])
    }
}
