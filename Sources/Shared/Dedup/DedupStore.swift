#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The de-duplication index on one connection: exact and near-duplicate checks that record unique samples.
public struct DedupStore {
    /// Jaccard similarity at or above which a sample is a near-duplicate unless the request says otherwise.
    public static let defaultThreshold = 0.85
    /// Samples per statement. A statement holds at most 64 advisory locks whatever its size (one per bucket of
    /// band keys, sql/0014); the cap bounds the parameters (~60 shingles a sample) and a statement's time.
    public static let maxBatch = 1000

    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Checks `text` against the samples recorded under `scope` and records it under `sampleID` only when it
    /// is unique; see `checkAndRecord(_:scope:threshold:)`.
    public func checkAndRecord(
        sampleID: UUID, scope: DedupScope, text: String, threshold: Double = DedupStore.defaultThreshold
    ) throws(DatabaseError) -> DedupVerdict {
        let verdicts = try checkAndRecord([FingerprintedSample(id: sampleID, text: text)], scope: scope, threshold: threshold)
        guard let verdict = verdicts.first else {
            throw DatabaseError(.unexpectedResult, message: "no verdict", statement: DedupSQL.recordIfUnique.name)
        }
        return verdict
    }

    /// Checks samples in order against `scope` (and against the earlier ones of `samples`), recording each
    /// one that is unique; returns one verdict per sample, in order.
    ///
    /// A near-duplicate is a sample whose exact shingle Jaccard similarity with a recorded one reaches
    /// `threshold`; only samples sharing an LSH band key are compared (a pair at 0.85 does with probability
    /// 0.994, see `LSHBands`), and the most similar is named. Each `maxBatch` samples are one statement:
    /// atomic on its own, or part of the caller's transaction, which must be READ COMMITTED (the default) so
    /// the check sees what a concurrent writer committed while this one waited for its locks. Writers of
    /// samples sharing a band key or exact hash are serialised, so of two near-duplicates written at once
    /// exactly one is recorded. Reads only rows sharing a band key with a sample: the cost does not grow with
    /// the scope's size. A sample already recorded under its own id is answered `.unique` and not recorded again.
    public func checkAndRecord(
        _ samples: [FingerprintedSample], scope: DedupScope, threshold: Double = DedupStore.defaultThreshold
    ) throws(DatabaseError) -> [DedupVerdict] {
        try answers(samples, scope: scope, threshold: threshold).map(\.verdict)
    }

    /// `checkAndRecord(_:scope:threshold:)` with each verdict's nearest similarity, from which a sample's
    /// uniqueness score is computed.
    public func answers(
        _ samples: [FingerprintedSample], scope: DedupScope, threshold: Double = DedupStore.defaultThreshold
    ) throws(DatabaseError) -> [DedupAnswer] {
        precondition(threshold > 0 && threshold <= 1, "a Jaccard threshold is in (0, 1]")
        var verdicts: [DedupAnswer] = []
        verdicts.reserveCapacity(samples.count)
        for start in stride(from: 0, to: samples.count, by: Self.maxBatch) {
            let batch = samples[start..<min(start + Self.maxBatch, samples.count)]
            verdicts += try checkAndRecordBatch(batch, scope: scope, threshold: threshold)
        }
        return verdicts
    }

    private func checkAndRecordBatch(
        _ batch: ArraySlice<FingerprintedSample>, scope: DedupScope, threshold: Double
    ) throws(DatabaseError) -> [DedupAnswer] {
        var shingles: [Int64] = []
        var shingleEnds: [Int] = []
        for sample in batch {
            shingles += sample.fingerprint.shingles.hashes.map { Int64(bitPattern: $0) }
            shingleEnds.append(shingles.count)
        }
        let rows = try connection.execute(
            DedupSQL.recordIfUnique,
            [
                scope.kind, scope.id, batch.map(\.id), batch.map(\.fingerprint.contentHash),
                batch.flatMap { $0.fingerprint.bandKeys.map { Int64(bitPattern: $0) } }, shingles, shingleEnds,
                threshold,
            ])
        guard rows.count == batch.count else {
            throw DatabaseError(
                .unexpectedResult, message: "\(rows.count) verdicts for \(batch.count) samples",
                statement: DedupSQL.recordIfUnique.name)
        }
        var answers: [DedupAnswer] = []
        for row in rows {
            let jaccard: Double? = try row.decodeIfPresent("jaccard")
            switch try row.decode("verdict", as: String.self) {
            case "exact": answers.append(DedupAnswer(verdict: .exactDuplicate(of: try row.decode("duplicate_of")), nearestJaccard: 1))
            case "near":
                let similarity: Double = try row.decode("jaccard")
                answers.append(DedupAnswer(
                    verdict: .nearDuplicate(of: try row.decode("duplicate_of"), jaccard: similarity), nearestJaccard: similarity))
            default: answers.append(DedupAnswer(verdict: .unique, nearestJaccard: jaccard))
            }
        }
        return answers
    }
}
