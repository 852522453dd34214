/// Deterministic random texts for the de-duplication tests: the same words on every run and machine.
struct TextGenerator {
    private var random: SplitMix64
    private let vocabulary: [String]

    /// A generator of texts over a vocabulary of `vocabularySize` made-up words.
    init(seed: UInt64, vocabularySize: Int = 5000) {
        random = SplitMix64(state: seed)
        var words: [String] = []
        var vocabularyState = SplitMix64(state: 0x766f_6361_62)  // the vocabulary never depends on `seed`
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for _ in 0..<vocabularySize {
            let length = 3 + Int(vocabularyState.next() % 7)
            words.append(String((0..<length).map { _ in letters[Int(vocabularyState.next() % 26)] }))
        }
        vocabulary = words
    }

    mutating func next() -> UInt64 {
        random.next()
    }

    /// `count` random words.
    mutating func words(_ count: Int) -> [String] {
        (0..<count).map { _ in vocabulary[Int(next() % UInt64(vocabulary.count))] }
    }

    /// `words` with `edits` distinct positions replaced by random words.
    mutating func edited(_ words: [String], edits: Int) -> [String] {
        var result = words
        var positions = Set<Int>()
        while positions.count < min(edits, words.count) { positions.insert(Int(next() % UInt64(words.count))) }
        // Sorted: a Set's order differs from process to process, and the texts must not.
        for position in positions.sorted() { result[position] = vocabulary[Int(next() % UInt64(vocabulary.count))] }
        return result
    }
}
