import Shared

/// `POST /api/datasets/{name}/versions` `{job_ids?, filter?, note?}`: commits the next version, 201 with it.
///
/// One transaction: the dataset's row is locked (so versions number consecutively), then one statement selects
/// the matching samples in (job_id, idx) order, hashes them and writes the version and its sample list; the
/// audit row and a `dataset_index` job are written in the same transaction. Recording the version's samples
/// in the dataset's de-duplication scope is linear in its size, so that job does it on a consumer, and the
/// answer says how far the index is (`dedup_index`). Unknown job ids, or no matching sample, are a 422 and
/// write nothing.
struct PostDatasetVersion: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let commit = try DatasetCommit.validated(GenerationRequest.jsonObject(body: request.body))
        let name = request.pathParameters["name"] ?? ""
        let connection = try context.connection()
        let (version, index) = try connection.transaction { connection in
            let store = DatasetStore(connection, visibleTo: context.visibleOwner)
            guard let datasetID = try store.lock(name: name) else { throw APIError.notFound("Dataset \(name) not found") }
            if let jobIDs = commit.jobIDs {
                let unknown = try store.unknownJobIDs(jobIDs)
                if !unknown.isEmpty {
                    throw APIError.validation([
                        FieldError(
                            type: "value_error", loc: ["body", "job_ids"],
                            msg: "Value error, unknown job ids: \(unknown.map(\.sqlText).joined(separator: ", "))")
                    ])
                }
            }
            guard
                let version = try store.commitNextVersion(
                    datasetID: datasetID, jobIDs: commit.jobIDs, filter: commit.filter, createdBy: context.actor,
                    note: commit.note)
            else {
                throw APIError.validation([
                    FieldError(type: "value_error", loc: ["body"], msg: "Value error, no sample matches the job ids and filter")
                ])
            }
            let index = DedupIndexStore(connection)
            try index.track(datasetID: datasetID)
            let job = try index.requestIndexing(datasetID: datasetID, maxAttempts: context.settings.maxAttempts)
            try AuditStore(connection).append(
                AuditEntry(
                    actor: context.actor, action: "dataset.committed", subjectType: "dataset",
                    subjectID: "\(name)@\(version.version)", requestID: context.requestID,
                    details: [
                        "version_id": .string(version.id.sqlText), "sample_count": .int(version.sampleCount),
                        "content_sha256": .string(version.contentSHA256), "filter": version.filter,
                        "job_ids": .array(version.jobIDs.map { .string($0.sqlText) }),
                    ]))
            var state = try index.state(datasetID: datasetID).view
            state["job_id"] = .string(job.sqlText)
            return (version, JSONValue.object(state))
        }
        return .json(DatasetView.version(version, dataset: name, index: index), status: 201)
    }
}
