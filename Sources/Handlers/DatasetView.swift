import Shared

/// The JSON of datasets and versions, and the lookups the dataset endpoints share.
enum DatasetView {
    static func dataset(_ dataset: Dataset) -> JSONObject {
        [
            "id": .string(dataset.id.sqlText), "name": .string(dataset.name),
            "description": .string(dataset.description), "created_at": .string(RFC3339.format(dataset.createdAt)),
            "created_by": .string(dataset.createdBy), "version_count": .int(dataset.versionCount),
            "latest_version": dataset.latestVersion.map(JSONValue.int) ?? .null,
        ]
    }

    /// A version, with its statistics and the dataset's de-duplication index state (`dedup_index`) when given.
    static func version(_ version: DatasetVersion, dataset: String, statistics: JSONValue? = nil, index: JSONValue? = nil)
        -> JSONValue
    {
        var object: JSONObject = [
            "dataset": .string(dataset), "id": .string(version.id.sqlText), "version": .int(version.version),
            "parent_version": version.parentVersion.map(JSONValue.int) ?? .null,
            "job_ids": .array(version.jobIDs.map { .string($0.sqlText) }), "filter": version.filter,
            "sample_count": .int(version.sampleCount), "content_sha256": .string(version.contentSHA256),
            "created_at": .string(RFC3339.format(version.createdAt)), "created_by": .string(version.createdBy),
            "note": .string(version.note),
        ]
        if let statistics { object["statistics"] = statistics }
        if let index { object["dedup_index"] = index }
        return .object(object)
    }

    /// How far `dataset`'s de-duplication index is, as `dedup_index` shows it.
    static func index(of dataset: Dataset, context: HandlerContext) throws -> JSONValue {
        .object(try DedupIndexStore(try context.connection()).state(datasetID: dataset.id).view)
    }

    /// The dataset named by the path, or 404.
    static func dataset(_ request: Request, store: DatasetStore) throws -> Dataset {
        let name = request.pathParameters["name"] ?? ""
        guard let dataset = try store.find(name: name) else { throw APIError.notFound("Dataset \(name) not found") }
        return dataset
    }

    /// Version `number` of `dataset`, or 404.
    static func version(_ number: Int, of dataset: Dataset, store: DatasetStore) throws -> DatasetVersion {
        guard let version = try store.version(datasetID: dataset.id, number: number) else {
            throw APIError.notFound("Dataset \(dataset.name) has no version \(number)")
        }
        return version
    }

    /// The dataset and version the path names (`{name}`, `{version}`) and a store on the thread's connection:
    /// 422 for a bad number (before the database), 404 if unknown.
    static func pathVersion(_ request: Request, context: HandlerContext) throws
        -> (store: DatasetStore, dataset: Dataset, version: DatasetVersion)
    {
        var reader = FieldReader(source: .path, fields: ["version": .string(request.pathParameters["version"] ?? "")])
        let number = reader.int("version", default: nil, in: 1...Int(Int32.max))
        guard reader.errors.isEmpty, let number else { throw APIError.validation(reader.errors) }
        let store = DatasetStore(try context.connection(), visibleTo: context.visibleOwner)
        let dataset = try dataset(request, store: store)
        return (store, dataset, try version(number, of: dataset, store: store))
    }
}
