import Shared

/// Samples the runs produced and the claim loop has not written yet.
///
/// They stay here until a write succeeds: a failed statement or a lost connection never drops a sample
/// that was paid for. The write is fenced by the leases, so a sample of a job this consumer lost is dropped
/// by the database, not duplicated.
final class SampleOutbox {
    private(set) var samples: [Sample] = []

    func add(_ sample: Sample) {
        samples.append(sample)
    }

    var isEmpty: Bool { samples.isEmpty }

    /// Writes every held sample in one statement; they are forgotten only once it succeeded.
    func flush(_ connection: Connection, owner: String) throws(DatabaseError) {
        guard !samples.isEmpty else { return }
        try SampleStore(connection).insertIfOwned(samples, owner: owner)
        samples.removeAll(keepingCapacity: true)
    }

    /// Drops what could not be written (the database kept refusing it).
    func discard() {
        samples.removeAll()
    }
}
