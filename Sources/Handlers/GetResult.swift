import Shared

/// `GET /api/result/{job_id}`: the job, with its samples once it has finished.
struct GetResult: Handler {
    /// Result size is bounded by the per-request maximum; augmented jobs add at most as many again.
    static let sampleLimit = 100_000
    /// How long nginx may serve a finished job's result from its cache.
    static let cacheSeconds = 60

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let id = try JobView.jobID(request)
        let connection = try context.connection()
        guard let job = try JobStore(connection).find(id, ownedBy: context.visibleOwner) else { throw APIError.notFound("Job \(id.sqlText) not found") }
        guard job.state.isFinal else { return .json(JobView.job(job, samples: nil)) }
        let samples = try SampleStore(connection).list(jobID: id, kept: true, limit: Self.sampleLimit, offset: 0)
        // A finished job never changes: nginx may answer repeated polls for it from its cache.
        return .json(JobView.job(job, samples: samples), headers: [("X-Accel-Expires", String(Self.cacheSeconds))])
    }
}
