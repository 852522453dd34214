import Shared

/// Resolves the dataset a `dedup_scope=dataset` request de-duplicates against, named by `dataset` (its name)
/// or `dataset_id`, to the id the job carries; a 422 when it names no dataset, so a job never runs against an
/// index that no commit can fill.
enum DedupDatasetResolution {
    static func resolve(_ generation: inout GenerationRequest, store: DatasetStore) throws {
        guard generation.dedupScope == .dataset else { return }
        if let id = generation.datasetID {
            guard let name = try store.name(id: id) else { throw unknown("dataset_id", "no dataset has id \(id.sqlText)") }
            if let named = generation.datasetName, named != name {
                throw unknown("dataset_id", "dataset \(named) has another id than \(id.sqlText)")
            }
        } else if let name = generation.datasetName {
            guard let dataset = try store.find(name: name) else { throw unknown("dataset", "no dataset is named \(name)") }
            generation.datasetID = dataset.id
        }
    }

    private static func unknown(_ field: String, _ message: String) -> APIError {
        .validation([FieldError(type: "value_error", loc: ["body", field], msg: "Value error, \(message)")])
    }
}
