/// A fixed-size sketch of a shingle set whose share of equal positions estimates the Jaccard similarity of
/// two sets, so near-duplicates are compared in constant time whatever the texts' lengths.
///
/// Function *i* maps a shingle hash *h* to `StableHash.mix(h ^ seed_i)`, with seeds drawn once from a fixed
/// SplitMix64 sequence: deterministic across processes and machines, so stored signatures stay comparable.
/// With 128 functions the estimate's standard error is √(J(1−J)/128): 0.032 at J = 0.85, 0.044 at J = 0.5.
public struct MinHashSignature: Sendable, Equatable {
    /// The number of hash functions, and of values in a signature.
    public static let defaultCount = 128

    /// The minimum of each hash function over the shingles.
    public let values: [UInt64]

    /// The seeds of the first `count` functions; the sequence is part of the stored format.
    static func seeds(count: Int) -> [UInt64] {
        var state: UInt64 = 0x6461_7461_666f_7267  // "dataforg"
        return (0..<count).map { _ in
            state &+= 0x9e37_79b9_7f4a_7c15
            return StableHash.mix(state)
        }
    }

    private static let standardSeeds = seeds(count: defaultCount)

    /// The signature of `shingles` under `count` hash functions.
    public init(_ shingles: Shingles, count: Int = MinHashSignature.defaultCount) {
        let seeds = count == Self.defaultCount ? Self.standardSeeds : Self.seeds(count: count)
        var minima = [UInt64](repeating: .max, count: count)
        minima.withUnsafeMutableBufferPointer { minima in
            seeds.withUnsafeBufferPointer { seeds in
                for shingle in shingles.hashes {
                    for index in 0..<count {
                        let value = StableHash.mix(shingle ^ seeds[index])
                        if value < minima[index] { minima[index] = value }
                    }
                }
            }
        }
        values = minima
    }

    /// A signature read back from storage.
    public init(values: [UInt64]) {
        self.values = values
    }

    /// The share of positions where the two signatures agree: an unbiased estimate of the Jaccard similarity
    /// of the two shingle sets. Signatures of different sizes share no positions and estimate 0.
    public func jaccardEstimate(_ other: MinHashSignature) -> Double {
        guard values.count == other.values.count, !values.isEmpty else { return 0 }
        var equal = 0
        for index in values.indices where values[index] == other.values[index] { equal += 1 }
        return Double(equal) / Double(values.count)
    }
}
