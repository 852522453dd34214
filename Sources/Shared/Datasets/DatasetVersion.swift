#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One committed, immutable version of a dataset.
public struct DatasetVersion: Sendable, Equatable {
    public var id: UUID
    public var version: Int
    public var parentVersion: Int?
    /// The jobs the commit named; empty when it selected by filter alone.
    public var jobIDs: [UUID]
    /// The filter as committed (`DatasetFilter.json`).
    public var filter: JSONValue
    public var sampleCount: Int
    /// sha256 (hex) of the samples' content hashes concatenated in position order.
    public var contentSHA256: String
    public var createdAt: Date
    public var createdBy: String
    public var note: String

    init(row: Row) throws(DatabaseError) {
        id = try row.decode("id")
        version = try row.decode("version")
        parentVersion = try row.decodeIfPresent("parent_version")
        jobIDs = try row.decode("job_ids", as: JSONValue.self).uuids
        filter = try row.decode("filter")
        sampleCount = try row.decode("sample_count")
        contentSHA256 = try row.decode("content_sha256")
        createdAt = try row.decode("created_at")
        createdBy = try row.decode("created_by")
        note = try row.decode("note")
    }
}
