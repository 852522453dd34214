/// Reading a whole version for export, a cursor batch at a time, and what its dataset card reports.
extension DatasetStore {
    /// The columns of `exportCSVRows`, in order: the CSV header.
    public static let exportColumns = [
        "id", "text", "product", "template", "template_version", "kind", "quality", "kept", "lineage", "metadata",
        "job_id", "idx",
    ]

    /// Hands each sample of `version`, in position order, to `line` as one JSON object's text; `line` answers
    /// false to stop. Runs in its own transaction.
    public func exportJSONLines(of version: DatasetVersion, batch: Int = 1000, line: (String) throws -> Bool) throws {
        try connection.stream(DatasetSQL.exportJSONLines, [version.id], batch: batch) { row in
            try line(try row.decode("line"))
        }
    }

    /// Hands each sample of `version`, in position order, to `fields` as the text of `exportColumns` (nil for
    /// NULL); `fields` answers false to stop. Runs in its own transaction.
    public func exportRows(of version: DatasetVersion, batch: Int = 1000, fields: ([String?]) throws -> Bool) throws {
        try connection.stream(DatasetSQL.exportCSVRows, [version.id], batch: batch) { row in
            try fields(row.texts)
        }
    }

    /// The templates, provider/model pairs and strategies a version's samples came from and the size of their
    /// texts, as `{templates, models, strategies, text_bytes}`.
    public func cardFacts(of version: DatasetVersion) throws(DatabaseError) -> JSONValue {
        guard let facts = try connection.execute(DatasetSQL.cardFacts, [version.id]).first else {
            throw DatabaseError(.unexpectedResult, message: "no card row", statement: DatasetSQL.cardFacts.name)
        }
        return try facts.decode("facts")
    }
}
