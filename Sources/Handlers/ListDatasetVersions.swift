import Shared

/// `GET /api/datasets/{name}/versions`: every version, oldest first, each with its statistics and the dataset's
/// de-duplication index state.
struct ListDatasetVersions: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let store = DatasetStore(try context.connection(), visibleTo: context.visibleOwner)
        let dataset = try DatasetView.dataset(request, store: store)
        let index = try DatasetView.index(of: dataset, context: context)
        var views: [JSONValue] = []
        for version in try store.versions(datasetID: dataset.id) {
            let statistics = try store.statistics(of: version)
            views.append(DatasetView.version(version, dataset: dataset.name, statistics: statistics, index: index))
        }
        return .json(["dataset": .string(dataset.name), "versions": .array(views)])
    }
}
