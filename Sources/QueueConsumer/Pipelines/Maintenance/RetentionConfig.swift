import Shared

/// The settings of a task that deletes rows past their age: the age, the batches and how often it runs.
struct RetentionConfig: Sendable, Equatable {
    static let intervalSecondsDefault = 600.0
    /// Rows older than this go.
    var retentionDays: Int
    var batches = BatchLimits()
    var intervalSeconds = intervalSecondsDefault

    init(retentionDays: Int) {
        precondition(retentionDays > 0, "retentionDays must be positive")
        self.retentionDays = retentionDays
    }
}

/// How a sweeping task deletes: in batches of `size` rows, at most `maxBatches` per pass, so a pass never holds
/// the consumer's loop (or long row locks) for long; what is left waits for the next pass.
struct BatchLimits: Sendable, Equatable {
    static let sizeDefault = 10_000
    static let maxBatchesDefault = 20
    var size = sizeDefault
    var maxBatches = maxBatchesDefault

    /// Runs `batch` (given the batch size, answering the rows it handled) until one comes back short or the
    /// pass has run `maxBatches`; returns the rows handled in all.
    func repeatWhileFull(_ batch: (Int) throws(DatabaseError) -> Int) throws(DatabaseError) -> Int {
        precondition(size > 0 && maxBatches > 0, "batch size and count must be positive")
        var total = 0
        for _ in 0..<maxBatches {
            let handled = try batch(size)
            total += handled
            if handled < size { break }
        }
        return total
    }
}

/// What a pass of a task that only deletes did.
struct DeletedRows: MaintenanceCounts, Equatable {
    var deleted = 0
    var changes: [(name: String, count: Int)] { [("deleted", deleted)] }
}
