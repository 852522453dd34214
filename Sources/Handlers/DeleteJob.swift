import Shared

/// `DELETE /api/job/{job_id}`: cancels a queued job at once and asks a running one to stop.
///
/// `status` keeps the earlier service's values (`cancelled`, `already_finished`, `cancel_failed`); the added
/// `cancel` field says which kind of cancel it was: `done` (the job is cancelled now) or `requested` (the
/// running job's consumer is told when the flag commits, and stops after its calls in flight). A requested
/// cancel is kept: the statement that writes the job's end writes `cancelled` for it, whatever the run ended
/// with (`JobSQL+Outcomes`).
struct DeleteJob: Handler {
    /// The message for a queued job, cancelled by this request.
    static let cancelledMessage = "Job cancelled"
    /// The message for a running job: what will happen, not what has.
    static let requestedMessage =
        "Cancel requested: the job stops at its consumer's next check and ends cancelled, "
        + "keeping the samples made so far"

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let id = try JobView.jobID(request)
        let connection = try context.connection()
        // Another key's job is answered as absent. Owners never change, so checking first is safe.
        if let owner = context.visibleOwner, try JobStore(connection).find(id, ownedBy: owner) == nil {
            throw APIError.notFound("Job \(id.sqlText) not found")
        }
        let cancel: (kind: String, message: String)? = try connection.transaction { connection in
            let jobs = JobStore(connection)
            let action: String
            let answer: (String, String)
            if try jobs.cancelQueued(id) {
                action = "job.cancelled"
                answer = ("done", Self.cancelledMessage)
            } else if try jobs.requestCancelRunning(id) {
                action = "job.cancel_requested"
                answer = ("requested", Self.requestedMessage)
            } else {
                return nil
            }
            try AuditStore(connection).append(
                AuditEntry(actor: context.actor, action: action, subjectType: "job", subjectID: id.sqlText,
                           requestID: context.requestID))
            return answer
        }
        if let cancel {
            return .json([
                "job_id": .string(id.sqlText), "status": "cancelled", "cancel": .string(cancel.kind),
                "message": .string(cancel.message),
            ])
        }
        guard let job = try JobStore(connection).find(id) else { throw APIError.notFound("Job \(id.sqlText) not found") }
        guard job.state.isFinal else {
            // It changed state between the two attempts: the client may simply try again.
            return .json(["job_id": .string(id.sqlText), "status": "cancel_failed", "message": "The job changed state; try again"])
        }
        return .json([
            "job_id": .string(id.sqlText), "status": "already_finished", "message": .string("Job is already \(job.state.rawValue)"),
        ])
    }
}
