import Shared

/// `GET /api/datasets/{name}/diff?from=&to=`: samples added, removed and unchanged from one version to another,
/// by sample id, with the first 100 ids of each change.
struct GetDatasetDiff: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var reader = FieldReader(source: .query, fields: request.queryFields)
        let from = reader.int("from", default: nil, in: 1...Int(Int32.max))
        let to = reader.int("to", default: nil, in: 1...Int(Int32.max))
        guard reader.errors.isEmpty, let from, let to else { throw APIError.validation(reader.errors) }
        let store = DatasetStore(try context.connection(), visibleTo: context.visibleOwner)
        let dataset = try DatasetView.dataset(request, store: store)
        let older = try DatasetView.version(from, of: dataset, store: store)
        let newer = try DatasetView.version(to, of: dataset, store: store)
        let diff = try store.diff(from: older, to: newer)
        return .json([
            "dataset": .string(dataset.name), "from": .int(from), "to": .int(to),
            "added": .int(diff.added), "removed": .int(diff.removed), "unchanged": .int(diff.unchanged),
            "added_ids": .array(diff.addedIDs.map { .string($0.sqlText) }),
            "removed_ids": .array(diff.removedIDs.map { .string($0.sqlText) }),
        ])
    }
}
