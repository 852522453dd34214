extension Connection {
    /// Runs a query through a server-side cursor and hands its rows to `row` one by one, `batch` rows fetched at
    /// a time, so a result of any size is never held whole: memory stays that of one batch, and each `FETCH` is
    /// a short statement within the session's statement timeout. `row` answers false to stop early.
    ///
    /// The cursor lives in its own transaction (a read-only snapshot of the whole result).
    public func stream(
        _ statement: Statement, _ parameters: [(any SQLEncodable)?] = [], batch: Int = 1000,
        row: (Row) throws -> Bool
    ) throws {
        let declare = Statement(
            statement.name + ".cursor", "DECLARE dataforge_stream NO SCROLL CURSOR FOR " + statement.sql)
        let fetch = Statement("Connection.fetch\(batch)", "FETCH \(batch) FROM dataforge_stream")
        try transaction { connection in
            try connection.execute(declare, parameters)
            while true {
                let rows = try connection.execute(fetch)
                for fetched in rows {
                    guard try row(fetched) else { return }
                }
                if rows.count < batch { return }
            }
        }
    }
}
