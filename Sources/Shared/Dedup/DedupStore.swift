#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The de-duplication index on one connection: exact and near-duplicate checks that record unique samples.
public struct DedupStore {
    /// Jaccard similarity at or above which a sample is a near-duplicate unless the request says otherwise.
    public static let defaultThreshold = 0.85

    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Checks `text` against the samples recorded under `scope` and records it under `sampleID` only when it
    /// is unique; see `checkAndRecord(sampleID:scope:fingerprint:threshold:)`.
    public func checkAndRecord(
        sampleID: UUID, scope: DedupScope, text: String, threshold: Double = DedupStore.defaultThreshold
    ) throws(DatabaseError) -> DedupVerdict {
        try checkAndRecord(sampleID: sampleID, scope: scope, fingerprint: DedupFingerprint(text: text), threshold: threshold)
    }

    /// Checks a fingerprinted sample against `scope` and records it only when it is unique.
    ///
    /// A near-duplicate is a sample whose exact shingle Jaccard similarity with an earlier one reaches
    /// `threshold`; only samples sharing an LSH band key are compared (a pair at 0.85 does with probability
    /// 0.994, see `LSHBands`), and the most similar one is named.
    /// One statement: atomic on its own, or part of the caller's transaction (which must be READ COMMITTED,
    /// the default, so the check sees what a concurrent writer committed while this one waited for its
    /// locks). Writers of samples that share a band key or the exact hash are serialised, so of two
    /// near-duplicates written at once exactly one is recorded. Reads only the rows sharing a band key with
    /// the sample: the cost does not grow with the scope's size. Calling it again for a recorded sample
    /// answers `.unique` and records nothing.
    public func checkAndRecord(
        sampleID: UUID, scope: DedupScope, fingerprint: DedupFingerprint,
        threshold: Double = DedupStore.defaultThreshold
    ) throws(DatabaseError) -> DedupVerdict {
        precondition(threshold > 0 && threshold <= 1, "a Jaccard threshold is in (0, 1]")
        let rows = try connection.execute(
            DedupSQL.recordIfUnique,
            [
                scope.kind, scope.id, sampleID, fingerprint.contentHash,
                fingerprint.bandKeys.map { Int64(bitPattern: $0) },
                fingerprint.shingles.hashes.map { Int64(bitPattern: $0) }, threshold,
            ])
        guard let row = rows.first else {
            throw DatabaseError(.unexpectedResult, message: "dedup_check_and_record returned no row", statement: DedupSQL.recordIfUnique.name)
        }
        switch try row.decode("verdict", as: String.self) {
        case "exact":
            return .exactDuplicate(of: try row.decode("duplicate_of"))
        case "near":
            return .nearDuplicate(of: try row.decode("duplicate_of"), jaccard: try row.decode("jaccard"))
        default:
            return .unique
        }
    }
}
