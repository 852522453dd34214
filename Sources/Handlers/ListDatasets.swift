import Shared

/// `GET /api/datasets`: every dataset by name, with its version count and newest version.
struct ListDatasets: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let datasets = try DatasetStore(context.connection(), visibleTo: context.visibleOwner).all()
        return .json(["datasets": .array(datasets.map { .object(DatasetView.dataset($0)) })])
    }
}
