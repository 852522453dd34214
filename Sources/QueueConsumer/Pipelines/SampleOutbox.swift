import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A draft that went through a job's local stages, waiting for the de-duplication index and its write.
struct SampleCandidate {
    var draft: SampleDraft
    var filter: FilterStage
    /// Where the index looks for duplicates, and from what similarity on a text is one.
    var scope: DedupScope
    var jaccardThreshold: Double
    var jobID: UUID { filter.origin.jobID }
}

/// A sample as written: the run counts the kept ones towards its job's `count`.
struct RecordedSample: Equatable {
    var jobID: UUID
    var index: Int
    var kept: Bool
    /// The text as stored (personal data redacted): an augmented job's originals are augmented from it.
    var text: String
}

/// Samples the runs produced and the claim loop has not written yet.
///
/// They stay here until a write succeeds: a failed statement or a lost connection never drops a sample
/// that was paid for. Each write is one transaction that locks the jobs this consumer still holds (fencing: a
/// sample of a job it lost is dropped, not duplicated), asks the de-duplication index about the samples that
/// passed every local check (recording the unique ones), decides each sample (`FilterStage`) and inserts it;
/// a failure rolls all of it back, index included, so the write is simply done again.
final class SampleOutbox {
    private(set) var candidates: [SampleCandidate] = []

    func add(_ candidate: SampleCandidate) {
        candidates.append(candidate)
    }

    var isEmpty: Bool { candidates.isEmpty }
    var count: Int { candidates.count }

    /// Writes every held sample, `DedupStore.maxBatch` per transaction; each batch is forgotten once committed
    /// and reported to `written` at once, so a later batch failing loses no report of an earlier one.
    func flush(_ connection: Connection, owner: String, written: ([RecordedSample]) -> Void) throws(DatabaseError) {
        while !candidates.isEmpty {
            let batch = Array(candidates.prefix(DedupStore.maxBatch))
            let recorded: [RecordedSample]
            do {
                recorded = try connection.transaction { connection in try Self.write(batch, connection, owner: owner) }
            } catch let error as DatabaseError {
                throw error
            } catch {
                throw DatabaseError(.unexpectedResult, message: "\(error)", statement: "SampleOutbox.flush")
            }
            candidates.removeFirst(batch.count)
            written(recorded)
        }
    }

    /// Drops what could not be written (the database kept refusing it).
    func discard() {
        candidates.removeAll()
    }

    private static func write(_ batch: [SampleCandidate], _ connection: Connection, owner: String)
        throws(DatabaseError) -> [RecordedSample]
    {
        let owned = try JobStore(connection).lockOwned(Array(Set(batch.map(\.jobID))), owner: owner)
        let writable = batch.filter { owned.contains($0.jobID) }
        var answers: [Int: DedupAnswer] = [:]
        let checked = writable.indices.filter { writable[$0].draft.passesLocally && writable[$0].draft.fingerprint != nil }
        // One index call per scope and threshold, in the batch's order, so earlier samples are the originals.
        var groups: [DedupGroup: [Int]] = [:]
        for position in checked {
            groups[DedupGroup(scope: writable[position].scope, threshold: writable[position].jaccardThreshold), default: []]
                .append(position)
        }
        let index = DedupStore(connection)
        for (group, positions) in groups.sorted(by: { $0.value[0] < $1.value[0] }) {
            let samples = positions.map { position in
                FingerprintedSample(
                    id: SampleSeed.sampleID(jobID: writable[position].jobID, index: writable[position].draft.index),
                    fingerprint: writable[position].draft.fingerprint!)
            }
            for (position, answer) in zip(positions, try index.answers(samples, scope: group.scope, threshold: group.threshold)) {
                answers[position] = answer
            }
        }
        let samples = writable.indices.map { writable[$0].filter.run((writable[$0].draft, answers[$0])) }
        try SampleStore(connection).insertIfOwned(samples, owner: owner)
        return samples.map { RecordedSample(jobID: $0.jobID, index: $0.index, kept: $0.kept, text: $0.text) }
    }

    private struct DedupGroup: Hashable {
        var scope: DedupScope
        var threshold: Double
    }
}
