import Shared

/// `GET /api/datasets/{name}/versions`: every version, oldest first, each with its statistics.
struct ListDatasetVersions: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let store = DatasetStore(try context.connection(), visibleTo: context.visibleOwner)
        let dataset = try DatasetView.dataset(request, store: store)
        var views: [JSONValue] = []
        for version in try store.versions(datasetID: dataset.id) {
            views.append(DatasetView.version(version, dataset: dataset.name, statistics: try store.statistics(of: version)))
        }
        return .json(["dataset": .string(dataset.name), "versions": .array(views)])
    }
}
