import Shared

/// `DELETE /api/job/{job_id}`: cancels a queued job at once and asks a running one to stop between samples.
struct DeleteJob: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let id = try JobView.jobID(request)
        let connection = try context.connection()
        let outcome: (status: String, message: String)? = try connection.transaction { connection in
            let jobs = JobStore(connection)
            let action: String
            let answer: (String, String)
            if try jobs.cancelQueued(id) {
                action = "job.cancelled"
                answer = ("cancelled", "Job cancelled")
            } else if try jobs.requestCancelRunning(id) {
                action = "job.cancel_requested"
                answer = ("cancelled", "Cancellation requested; the job stops after its current sample")
            } else {
                return nil
            }
            try AuditStore(connection).append(
                AuditEntry(actor: "api", action: action, subjectType: "job", subjectID: id.sqlText,
                           requestID: context.requestID))
            return answer
        }
        if let outcome {
            return .json(["job_id": .string(id.sqlText), "status": .string(outcome.status), "message": .string(outcome.message)])
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
