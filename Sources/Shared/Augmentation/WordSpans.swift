/// A text cut into words (runs of letters and digits) with their UTF-8 ranges, for matching terms on whole words.
///
/// Apostrophes and hyphens end a word, so "battery's" holds the word "battery" and "supporting" never holds
/// "support". Offsets are UTF-8 so a match can be stored and compared without the text.
struct WordSpans {
    struct Word {
        /// The word lower-cased, for case-insensitive comparison.
        let folded: String
        let utf8Range: Range<Int>
    }

    let bytes: [UInt8]
    let words: [Word]

    init(_ text: String) {
        var words: [Word] = []
        var offset = 0
        var start: Int?
        for scalar in text.unicodeScalars {
            let isWordScalar =
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || (start != nil && scalar.properties.generalCategory == .nonspacingMark)
            if isWordScalar {
                if start == nil { start = offset }
            } else if let begin = start {
                words.append(Word(folded: "", utf8Range: begin..<offset))
                start = nil
            }
            offset += scalar.utf8.count
        }
        if let begin = start { words.append(Word(folded: "", utf8Range: begin..<offset)) }
        let bytes = Array(text.utf8)
        self.bytes = bytes
        self.words = words.map {
            Word(folded: WordSpans.string(bytes, $0.utf8Range).lowercased(), utf8Range: $0.utf8Range)
        }
    }

    /// The text of a UTF-8 range; ranges from this type always fall on scalar boundaries.
    func text(_ range: Range<Int>) -> String { WordSpans.string(bytes, range) }

    /// Whether words `index` and `index + 1` belong to one phrase: only spaces and at most one hyphen between
    /// them, so "battery. Life" or "battery, life" is not "battery life" but "noise-cancelling" is "noise cancelling".
    func joins(_ index: Int) -> Bool {
        guard index + 1 < words.count else { return false }
        let gap = text(words[index].utf8Range.upperBound..<words[index + 1].utf8Range.lowerBound)
        var hyphens = 0
        for character in gap {
            if character == "-" {
                hyphens += 1
            } else if !character.isWhitespace {
                return false
            }
        }
        return hyphens <= 1
    }

    private static func string(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
