import Shared

/// `GET /api/datasets/{name}/versions/{version}/export?format=jsonl|csv`: every sample of a version, streamed
/// as it is read through a cursor, so memory stays flat whatever the version's size. 404 if unknown.
///
/// Once the headers are out a failure can only cut the body short: clients compare the rows they received
/// with the version's sample_count.
struct GetDatasetExport: Handler {
    /// Bytes gathered before each write, so libfcgi sends full records rather than one per sample.
    static let chunkBytes = 64 * 1024

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var reader = FieldReader(source: .query, fields: request.queryFields)
        let format = reader.string("format", default: "jsonl", length: 1...10)
        if let format, !["jsonl", "csv"].contains(format) {
            reader.fail("format", type: "literal_error", msg: "Input should be 'jsonl' or 'csv'")
        }
        guard reader.errors.isEmpty, let format else { throw APIError.validation(reader.errors) }
        let (store, dataset, version) = try DatasetView.pathVersion(request, context: context)
        let logger = context.logger
        let disposition = "attachment; filename=\"\(dataset.name)-v\(version.version).\(format)\""
        let contentType = format == "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8"
        return .streamed(contentType: contentType, headers: [("Content-Disposition", disposition)]) { write in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(Self.chunkBytes * 2)
            var open = true
            // Appends a record and writes the buffer once it is full; false once the client is gone.
            func append(_ record: String) -> Bool {
                buffer.append(contentsOf: record.utf8)
                guard buffer.count >= Self.chunkBytes else { return true }
                open = write(buffer)
                buffer.removeAll(keepingCapacity: true)
                return open
            }
            do {
                if format == "csv" {
                    _ = append(CSVRecord.line(DatasetStore.exportColumns))
                    try store.exportRows(of: version) { append(CSVRecord.line($0)) }
                } else {
                    try store.exportJSONLines(of: version) { append($0 + "\n") }
                }
                if open { _ = write(buffer) }
            } catch {
                logger.error(
                    "export cut short", metadata: ["dataset": "\(dataset.name)", "error": "\(String(reflecting: error))"])
            }
        }
    }
}
