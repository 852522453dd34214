#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Samples on one connection.
public struct SampleStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Stores a sample while `owner` holds its job's lease; false when it was not written (the lease is
    /// lost, or the sample was already stored by an earlier run).
    @discardableResult
    public func insertIfOwned(_ sample: Sample, template: String, owner: String) throws(DatabaseError) -> Bool {
        let parameters: [(any SQLEncodable)?] = [
            sample.jobID, sample.index, sample.id, sample.kind.rawValue, sample.product, template,
            sample.templateVersion, sample.promptVersion, sample.temperature, sample.text, sample.tokensEstimated,
            sample.provider, sample.model, sample.metadata, owner,
        ]
        return try !connection.execute(SampleSQL.insertIfOwned, parameters).isEmpty
    }

    /// The indices already stored for a job.
    public func indices(of jobID: UUID) throws(DatabaseError) -> Set<Int> {
        var indices: Set<Int> = []
        for row in try connection.execute(SampleSQL.indicesByJob, [jobID]) { indices.insert(try row.decode("idx")) }
        return indices
    }

    /// A job's samples in index order; `kept` nil lists all.
    public func list(jobID: UUID, kept: Bool?, limit: Int, offset: Int) throws(DatabaseError) -> [Sample] {
        var samples: [Sample] = []
        for row in try connection.execute(SampleSQL.listByJob, [jobID, kept, limit, offset]) {
            samples.append(try Sample(jobID: jobID, row: row))
        }
        return samples
    }

    /// Count and estimated tokens of a job's kept samples.
    public func totals(jobID: UUID) throws(DatabaseError) -> (samples: Int, tokens: Int) {
        guard let row = try connection.execute(SampleSQL.totalsByJob, [jobID]).first else { return (0, 0) }
        return (try row.decode("samples"), try row.decode("tokens"))
    }
}
