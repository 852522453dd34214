/// Everything the de-duplication index needs of one text, computed without a database so a stage can do it
/// before (and outside) the store's transaction.
public struct DedupFingerprint: Sendable, Equatable {
    /// SHA-256 hex of the normalised text (`TextNormaliser.contentHash`).
    public let contentHash: String
    /// Distinct shingle hashes, sorted: what a candidate is verified against (exact Jaccard).
    public let shingles: Shingles
    /// One key per LSH band of the text's MinHash signature, in band order.
    public let bandKeys: [UInt64]

    /// The fingerprint of `text` with the standard shingles (3 words) and bands (12 × 8 over the first 96
    /// MinHash functions: a signature's values are a prefix of any longer one's, so only those are computed).
    /// The settings are part of the stored format: fingerprints made otherwise never match stored ones.
    public init(text: String) {
        let words = TextNormaliser.words(text)
        contentHash = SHA256.hex(of: Array(words.joined(separator: " ").utf8))
        shingles = Shingles(words: words)
        bandKeys = LSHBands.standard.keys(of: MinHashSignature(shingles, count: LSHBands.standard.signatureCount))
    }
}
