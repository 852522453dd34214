/// Locality-sensitive hashing of a MinHash signature: its values cut into bands, each band hashed to one
/// key, so that two texts are compared only when some band's key is equal.
///
/// Two texts at Jaccard similarity s share a given band (r rows) with probability sʳ, and at least one of b
/// bands with 1 − (1 − sʳ)ᵇ. The default, 12 bands × 8 rows over the first 96 signature values, gives:
///
///     s      0.3     0.5    0.6    0.7    0.8    0.85    0.9     0.95
///     P    0.0008  0.046  0.18   0.51   0.89   0.978   0.9988  1.0000
///
/// so a pair at the 0.85 threshold is a candidate 97.8 % of the time (more similar pairs almost always) while
/// pairs at 0.5 rarely are (5 %) and unrelated texts almost never: candidates, and so the cost of a check,
/// stay few however many samples a scope holds. Each band is a GIN entry to insert and to probe per sample,
/// most of the index's cost: 16 × 8 caught 99.4 % at 0.85 for a third more work (bench/README.md); 32 × 4
/// would catch 0.85 pairs always but also 87 % of pairs at 0.5, and 8 × 16 only 46 % of pairs at 0.85. The
/// keys are those of the first 12 bands of 16 × 8, so samples recorded with 16 keys are still found.
public struct LSHBands: Sendable, Equatable {
    /// 12 bands of 8 rows (see the table above).
    public static let standard = LSHBands(bands: 12, rows: 8)

    /// The signature values the bands read: the first `bands × rows`.
    public var signatureCount: Int { bands * rows }

    public let bands: Int
    public let rows: Int

    /// A banding of `bands × rows` signature values.
    public init(bands: Int, rows: Int) {
        precondition(bands > 0 && rows > 0, "LSH needs at least one band of one row")
        self.bands = bands
        self.rows = rows
    }

    /// One key per band, in band order; equal keys at the same band mean that band's values are (almost
    /// surely) equal. The band's number is mixed in, so equal values in different bands give different keys.
    public func keys(of signature: MinHashSignature) -> [UInt64] {
        precondition(signature.values.count >= bands * rows, "the signature has fewer values than the bands need")
        return (0..<bands).map { band in
            signature.values[(band * rows)..<((band + 1) * rows)].reduce(UInt64(band), StableHash.combine)
        }
    }

    /// The probability that a pair at Jaccard similarity `similarity` shares at least one band.
    public func collisionProbability(atSimilarity similarity: Double) -> Double {
        var shareBand = 1.0
        for _ in 0..<rows { shareBand *= similarity }
        var missAll = 1.0
        for _ in 0..<bands { missAll *= 1 - shareBand }
        return 1 - missAll
    }
}
