import Shared

/// `GET /api/jobs/{job_id}/samples?kept=&limit=&offset=`: a job's samples with their scores and decisions,
/// kept and filtered alike, as they are stored (also while the job runs).
struct ListJobSamples: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let id = try JobView.jobID(request)
        var reader = FieldReader(source: .query, fields: request.queryFields)
        reader.allowAbsent("kept")
        let kept = reader.bool("kept", default: nil)
        let limit = reader.int("limit", default: 100, in: 1...1000)
        let offset = reader.int("offset", default: 0, in: 0...10_000_000)
        guard reader.errors.isEmpty, let limit, let offset else { throw APIError.validation(reader.errors) }
        let connection = try context.connection()
        guard try JobStore(connection).find(id, ownedBy: context.visibleOwner) != nil else { throw APIError.notFound("Job \(id.sqlText) not found") }
        let samples = try SampleStore(connection).list(jobID: id, kept: kept, limit: limit, offset: offset)
        return .json([
            "job_id": .string(id.sqlText), "samples": .array(samples.map(JobView.detailedSample)),
            "limit": .int(limit), "offset": .int(offset),
        ])
    }
}
