import Shared

/// `GET /api/datasets/{name}/versions/{version}`: one version with its statistics and the dataset's
/// de-duplication index state; 404 if unknown.
struct GetDatasetVersion: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let (store, dataset, version) = try DatasetView.pathVersion(request, context: context)
        let index = try DatasetView.index(of: dataset, context: context)
        return .json(
            DatasetView.version(version, dataset: dataset.name, statistics: try store.statistics(of: version), index: index))
    }
}
