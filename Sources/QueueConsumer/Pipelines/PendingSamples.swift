import Shared

/// Samples produced during one poll's results, written together in one statement (fenced by the leases)
/// at the end of the poll, or earlier when a run needs its totals.
final class PendingSamples {
    private let connection: Connection
    private let owner: String
    private var samples: [Sample] = []

    init(connection: Connection, owner: String) {
        self.connection = connection
        self.owner = owner
    }

    func add(_ sample: Sample) {
        samples.append(sample)
    }

    func flush() throws(DatabaseError) {
        guard !samples.isEmpty else { return }
        let batch = samples
        samples.removeAll(keepingCapacity: true)
        try SampleStore(connection).insertIfOwned(batch, owner: owner)
    }

    /// Drops what was not written: the transaction it belonged to was rolled back.
    func discard() {
        samples.removeAll()
    }
}
