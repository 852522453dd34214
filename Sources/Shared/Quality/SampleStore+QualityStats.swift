#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SampleStore {
    /// The quality filter's counters over every sample, or only those of `jobID` and/or `template`.
    public func qualityStats(jobID: UUID? = nil, template: String? = nil) throws(DatabaseError) -> QualityStats {
        let statement = jobID == nil ? SampleSQL.qualityStats : SampleSQL.qualityStatsOfJob
        let rows = try connection.execute(statement, [jobID, template, QualityStats.scoreNames])
        guard let row = rows.first else { throw DatabaseError(.decoding, message: "quality statistics returned no row") }
        let reasons: JSONValue = try row.decode("by_reason")
        let means: JSONValue = try row.decode("mean_scores")
        return QualityStats(
            totalProcessed: try row.decode("total_processed"), passedFilter: try row.decode("passed_filter"),
            failedLength: try row.decode("failed_length"), failedQuality: try row.decode("failed_quality"),
            failedDuplicate: try row.decode("failed_duplicate"), failedPII: try row.decode("failed_pii"),
            byReason: (reasons.arrayValue ?? []).compactMap { pair in
                guard let code = pair.arrayValue?.first?.stringValue, let count = pair.arrayValue?.last?.intValue
                else { return nil }
                return (code, count)
            },
            meanScores: QualityStats.scoreNames.map { ($0, means[$0]?.doubleValue) })
    }
}
