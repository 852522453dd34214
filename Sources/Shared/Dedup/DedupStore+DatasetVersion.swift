#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DedupStore {
    /// Removes samples from `scope`, if they are recorded there: the samples a dataset version dropped
    /// (`DedupIndexStore`).
    ///
    /// Takes none of the locks `checkAndRecord` takes: a writer checking a sample at the same moment may still
    /// name a removed sample as its original, as it would have a moment earlier.
    public func forget(_ samples: [FingerprintedSample], scope: DedupScope) throws(DatabaseError) {
        _ = try connection.execute(
            DedupSQL.forget, [scope.kind, scope.id, samples.map(\.id), samples.map(\.fingerprint.contentHash)])
    }
}
