import Shared

/// `GET /api/datasets/{name}`: the dataset with its versions (without statistics) and how far its
/// de-duplication index is (`dedup_index`); 404 if unknown.
struct GetDataset: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let store = DatasetStore(try context.connection(), visibleTo: context.visibleOwner)
        let dataset = try DatasetView.dataset(request, store: store)
        var object = DatasetView.dataset(dataset)
        let versions = try store.versions(datasetID: dataset.id)
        object["versions"] = .array(versions.map { DatasetView.version($0, dataset: dataset.name) })
        object["dedup_index"] = try DatasetView.index(of: dataset, context: context)
        return .json(.object(object))
    }
}
