extension Connection {
    /// Runs `body` inside `BEGIN … COMMIT`, rolling back if it throws; the error is rethrown as it was.
    ///
    /// Stores take the connection as it is, so whatever they do inside `body` is one atomic change.
    public func transaction<Result>(_ body: (Connection) throws -> Result) throws -> Result {
        try executeScript("BEGIN", name: "begin")
        markTransaction(true)
        do {
            let result = try body(self)
            markTransaction(false)
            try executeScript("COMMIT", name: "commit")
            return result
        } catch {
            markTransaction(false)
            try? executeScript("ROLLBACK", name: "rollback")
            throw error
        }
    }
}
