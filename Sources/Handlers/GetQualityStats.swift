import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `GET /api/quality-stats?job_id=&template=`: the quality filter's counters and rates over every stored
/// sample (originals and augmented alike), or one job's (404 when unknown) or one template's.
struct GetQualityStats: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var reader = FieldReader(source: .query, fields: request.queryFields)
        reader.allowAbsent("job_id", "template")
        let jobText = reader.string("job_id", default: nil, length: 1...64)
        let template = reader.string("template", default: nil, length: 1...64)
        guard reader.errors.isEmpty else { throw APIError.validation(reader.errors) }
        let connection = try context.connection()
        var jobID: UUID?
        if let jobText {
            jobID = UUID(text: jobText)
            guard let jobID, try JobStore(connection).find(jobID) != nil else {
                throw APIError.notFound("Job \(jobText) not found")
            }
        }
        let stats = try SampleStore(connection).qualityStats(jobID: jobID, template: template)
        return .json([
            "filter_stats": stats.json,
            "timestamp": .string(RFC3339.format(.now)),
        ])
    }
}
