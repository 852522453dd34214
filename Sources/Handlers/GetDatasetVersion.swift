import Shared

/// `GET /api/datasets/{name}/versions/{version}`: one version with its statistics; 404 if unknown.
struct GetDatasetVersion: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var reader = FieldReader(source: .path, fields: ["version": .string(request.pathParameters["version"] ?? "")])
        let number = reader.int("version", default: nil, in: 1...Int(Int32.max))
        guard reader.errors.isEmpty, let number else { throw APIError.validation(reader.errors) }
        let store = DatasetStore(try context.connection())
        let dataset = try DatasetView.dataset(request, store: store)
        let version = try DatasetView.version(number, of: dataset, store: store)
        return .json(DatasetView.version(version, dataset: dataset.name, statistics: try store.statistics(of: version)))
    }
}
