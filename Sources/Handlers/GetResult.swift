import Shared
/// `GET /api/result/{job_id}`: the job, with its samples once it has finished.
struct GetResult: Handler {
    /// Result size is bounded by the per-request maximum; augmented jobs add at most as many again.
    static let sampleLimit = 100_000

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let id = try JobView.jobID(request)
        let connection = try context.connection()
        guard let job = try JobStore(connection).find(id) else { throw APIError.notFound("Job \(id.sqlText) not found") }
        var samples: [Sample]?
        if job.state.isFinal {
            samples = try SampleStore(connection).list(jobID: id, kept: true, limit: Self.sampleLimit, offset: 0)
        }
        return .json(JobView.job(job, samples: samples))
    }
}
