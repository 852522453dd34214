#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the review of one generation: everything that made its samples and what was decided about them.
public struct JobReviewStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The job's review as the API shows it, or nil for an unknown job.
    public func review(_ id: UUID) throws(DatabaseError) -> JSONValue? {
        guard let row = try connection.execute(JobReviewSQL.review, [id]).first else { return nil }
        return try row.decode("review")
    }
}
