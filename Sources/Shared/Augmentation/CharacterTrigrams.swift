/// The set of character 3-grams of a text's normalised words (`TextNormaliser.normalise`, with a space before
/// and after), which is what augmentation compares a variant with its original.
///
/// Characters rather than word shingles: a good paraphrase changes a word in every few, and each changed word
/// removes three word 3-shingles, so paraphrases and unrelated texts both score near 0 and no band separates
/// them. Character 3-grams keep credit for the words a paraphrase keeps (aspect terms, inflected forms) and
/// still see word order through the 3-grams spanning a space, while unrelated texts share only common letter
/// runs. Each 3-gram is its three scalars packed into 63 bits, so equal keys mean equal 3-grams.
public struct CharacterTrigrams: Sendable, Equatable {
    public let keys: Set<UInt64>

    public init(text: String) {
        let scalars = Array((" " + TextNormaliser.normalise(text) + " ").unicodeScalars)
        var keys = Set<UInt64>()
        if scalars.count >= 3 {
            keys.reserveCapacity(scalars.count - 2)
            for start in 0...(scalars.count - 3) {
                keys.insert(UInt64(scalars[start].value) << 42 | UInt64(scalars[start + 1].value) << 21
                    | UInt64(scalars[start + 2].value))
            }
        }
        self.keys = keys
    }

    /// |A ∩ B| / |A ∪ B|; 1 for two texts without words.
    public func jaccard(_ other: CharacterTrigrams) -> Double {
        let shared = keys.count <= other.keys.count
            ? keys.lazy.filter(other.keys.contains).count : other.keys.lazy.filter(keys.contains).count
        let union = keys.count + other.keys.count - shared
        return union == 0 ? 1 : Double(shared) / Double(union)
    }
}
