/// The set of word n-grams of a text, each as a stable 64-bit hash: what MinHash samples and exact Jaccard
/// similarity is defined over.
///
/// A text of fewer than `size` words (including none) is one shingle of all its words, so short texts are
/// still compared (and two equal short texts are duplicates).
public struct Shingles: Sendable, Equatable {
    /// Three words: long enough that unrelated texts share few shingles, short enough that one changed word
    /// touches only three of them.
    public static let defaultSize = 3

    /// Distinct shingle hashes, sorted.
    public let hashes: [UInt64]

    /// The shingles of `text`, normalised by `TextNormaliser`.
    public init(text: String, size: Int = Shingles.defaultSize) {
        self.init(words: TextNormaliser.words(text), size: size)
    }

    /// The shingles of already normalised words.
    public init(words: [String], size: Int = Shingles.defaultSize) {
        precondition(size > 0, "a shingle has at least one word")
        let wordHashes = words.map { StableHash.bytes($0.utf8) }
        var hashes: [UInt64] = []
        if wordHashes.count <= size {
            hashes.append(wordHashes.reduce(UInt64(truncatingIfNeeded: wordHashes.count), StableHash.combine))
        } else {
            hashes.reserveCapacity(wordHashes.count - size + 1)
            for start in 0...(wordHashes.count - size) {
                hashes.append(wordHashes[start..<(start + size)].reduce(UInt64(size), StableHash.combine))
            }
        }
        self.hashes = Array(Set(hashes)).sorted()
    }

    /// Exact Jaccard similarity |A ∩ B| / |A ∪ B|: what `MinHashSignature.jaccardEstimate` estimates.
    public func jaccard(_ other: Shingles) -> Double {
        var shared = 0
        var left = 0, right = 0
        while left < hashes.count && right < other.hashes.count {
            if hashes[left] == other.hashes[right] {
                shared += 1; left += 1; right += 1
            } else if hashes[left] < other.hashes[right] {
                left += 1
            } else {
                right += 1
            }
        }
        let union = hashes.count + other.hashes.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }
}
