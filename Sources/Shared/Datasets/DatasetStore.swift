#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Datasets and their versions on one connection. A commit runs inside the caller's transaction, with its
/// audit row.
///
/// A store made for an owner finds, lists, names and locks only that key's datasets, and commits only the
/// samples of its jobs, so another key's dataset or job reads as absent; versions belong to their dataset and
/// are reached through it.
public struct DatasetStore {
    let connection: Connection
    /// The key whose datasets alone are visible; nil for all.
    let owner: String?

    public init(_ connection: Connection, visibleTo owner: String? = nil) {
        self.connection = connection
        self.owner = owner
    }

    /// Creates a dataset owned by `ownerKeyID` (nil: by no key); nil when the name is taken.
    public func create(name: String, description: String, createdBy: String, ownerKeyID: String? = nil)
        throws(DatabaseError) -> Dataset?
    {
        let parameters: [(any SQLEncodable)?] = [name, description, createdBy, ownerKeyID]
        guard let row = try connection.execute(DatasetSQL.insertIfNameFree, parameters).first else { return nil }
        return try Dataset(row: row)
    }

    /// Every visible dataset, by name.
    public func all() throws(DatabaseError) -> [Dataset] {
        var datasets: [Dataset] = []
        for row in try connection.execute(DatasetSQL.listAll, [owner]) { datasets.append(try Dataset(row: row)) }
        return datasets
    }

    public func find(name: String) throws(DatabaseError) -> Dataset? {
        guard let row = try connection.execute(DatasetSQL.findByName, [name, owner]).first else { return nil }
        return try Dataset(row: row)
    }

    /// The name of the visible dataset with id `id`; nil when there is none.
    public func name(id: UUID) throws(DatabaseError) -> String? {
        try connection.execute(DatasetSQL.nameByID, [id, owner]).first?.decode("name")
    }

    /// The ids among `jobIDs` that name no visible job, live or finished, in the order given.
    public func unknownJobIDs(_ jobIDs: [UUID]) throws(DatabaseError) -> [UUID] {
        var unknown: [UUID] = []
        for row in try connection.execute(DatasetSQL.unknownJobIDs, [jobIDs, owner]) {
            unknown.append(try row.decode("id"))
        }
        return unknown
    }

    /// Locks dataset `name` until the transaction ends and returns its id; nil when none is visible. Call before
    /// `commitNextVersion`, inside the same transaction, whose statements may then run for minutes.
    public func lock(name: String) throws(DatabaseError) -> UUID? {
        try connection.execute(DatasetSQL.allowLongCommit)
        return try connection.execute(DatasetSQL.lockByName, [name, owner]).first?.decode("id")
    }

    /// Commits the next version of a locked dataset from the samples of `jobIDs` (nil: of any visible job) that
    /// match `filter`; nil when no sample matches (nothing is written then).
    public func commitNextVersion(
        datasetID: UUID, jobIDs: [UUID]?, filter: DatasetFilter, createdBy: String, note: String
    ) throws(DatabaseError) -> DatasetVersion? {
        let parameters: [(any SQLEncodable)?] = [
            datasetID, jobIDs, filter.template, filter.templateVersion, filter.minQuality, filter.keptOnly,
            filter.from, filter.to, filter.product, filter.strategy, filter.json, createdBy, note, owner,
        ]
        guard let row = try connection.execute(DatasetSQL.commitNextVersion, parameters).first else { return nil }
        return try DatasetVersion(row: row)
    }

    /// Up to `limit` samples of version `versionID` after position `after` (0 for the first page), in position
    /// order: page through a version without holding it in memory. With `droppedBy`, only the samples that
    /// version no longer holds.
    public func textsPage(
        versionID: UUID, droppedBy successorID: UUID? = nil, after: Int, limit: Int
    ) throws(DatabaseError) -> [(position: Int, sampleID: UUID, text: String)] {
        var page: [(position: Int, sampleID: UUID, text: String)] = []
        for row in try connection.execute(DatasetSQL.versionTextsPage, [versionID, after, successorID, limit]) {
            page.append((try row.decode("position"), try row.decode("sample_id"), try row.decode("text")))
        }
        return page
    }

    /// Every version of a dataset, oldest first.
    public func versions(datasetID: UUID) throws(DatabaseError) -> [DatasetVersion] {
        var versions: [DatasetVersion] = []
        for row in try connection.execute(DatasetSQL.listVersions, [datasetID]) {
            versions.append(try DatasetVersion(row: row))
        }
        return versions
    }

    public func version(datasetID: UUID, number: Int) throws(DatabaseError) -> DatasetVersion? {
        guard let row = try connection.execute(DatasetSQL.findVersion, [datasetID, number]).first else { return nil }
        return try DatasetVersion(row: row)
    }

    /// Counts by template, sentiment and strategy, mean scores and the jobs' cost over a version's samples, as
    /// the JSON object the API answers with.
    public func statistics(of version: DatasetVersion) throws(DatabaseError) -> JSONValue {
        let rows = try connection.execute(DatasetSQL.statistics, [version.id, QualityStats.scoreNames])
        guard case .object(var object) = try rows.first?.decode("statistics", as: JSONValue.self) else {
            throw DatabaseError(.unexpectedResult, message: "no statistics row", statement: DatasetSQL.statistics.name)
        }
        object["sample_count"] = .int(version.sampleCount)
        return .object(object)
    }

    /// How version `to` differs from version `from`, by sample id.
    public func diff(from: DatasetVersion, to: DatasetVersion) throws(DatabaseError) -> DatasetDiff {
        guard let row = try connection.execute(DatasetSQL.diff, [from.id, to.id]).first else {
            throw DatabaseError(.unexpectedResult, message: "no diff row", statement: DatasetSQL.diff.name)
        }
        return try DatasetDiff(row: row)
    }
}
