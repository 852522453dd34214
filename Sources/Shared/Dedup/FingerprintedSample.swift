#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A sample as the de-duplication index sees it: its id and what it computed from its text.
public struct FingerprintedSample: Sendable {
    public let id: UUID
    public let fingerprint: DedupFingerprint

    public init(id: UUID, fingerprint: DedupFingerprint) {
        self.id = id
        self.fingerprint = fingerprint
    }

    /// Fingerprints `text` (normalising, shingling, MinHash and bands: no database).
    public init(id: UUID, text: String) {
        self.init(id: id, fingerprint: DedupFingerprint(text: text))
    }
}
