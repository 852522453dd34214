import Shared

/// `GET /api/jobs/{job_id}/review`: the review of one generation, hot or finished: its template (name,
/// version, hash) and params (the rendered variables), model and parameters, every provider call (purpose,
/// tokens, cost, latency, status), each sample's scores, decision, reasons and lineage, and its audit rows.
struct GetJobReview: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let id = try JobView.jobID(request)
        let connection = try context.connection()
        // Another key's job is reviewed as if it did not exist, as its result is.
        guard try JobStore(connection).find(id, ownedBy: context.visibleOwner) != nil,
            let review = try JobReviewStore(connection).review(id)
        else { throw APIError.notFound("Job \(id.sqlText) not found") }
        return .json(review)
    }
}
