/// The words and sentences of a text, read once, from which `QualityScorer` computes every component.
///
/// A word is a run of letters and digits of any script, with inner apostrophes (`don't`), lower-cased. A sentence
/// ends at `.`, `!`, `?`, `…` or their CJK forms followed by a space or the end (closing quotes and brackets may come
/// between), so `3.5` and `v2.1` do not end one.
struct TextProfile {
    /// One sentence's shape.
    struct Sentence {
        var wordCount = 0
        /// Its first word does not begin with a lower-case letter (digits and caseless scripts count as capitalised).
        var startsCapitalised = true
        var isTerminated = false
    }

    private(set) var words: [String] = []
    private(set) var sentences: [Sentence] = []
    /// The most times one word occurs in a row ("great great great" is 3).
    private(set) var longestWordRepeat = 0
    /// The longest run of one non-space, non-digit character ("soooo" is 4, "!!!" is 3).
    private(set) var longestCharacterRun = 0

    private var word = String.UnicodeScalarView()
    private var sentence = Sentence()
    private var wordRepeat = 0
    private var sawTerminator = false
    private var previous: Unicode.Scalar?
    private var characterRun = 0

    init(_ text: String) {
        for scalar in text.unicodeScalars { read(scalar) }
        endWord()
        endSentence()
    }

    private static let terminators: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}"]
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}"]
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]

    private mutating func read(_ scalar: Unicode.Scalar) {
        let properties = scalar.properties
        countRun(of: scalar, isSpace: properties.isWhitespace, isDigit: properties.numericType != nil)
        if properties.isAlphabetic || properties.numericType != nil {
            sawTerminator = false
            if word.isEmpty && sentence.wordCount == 0 { sentence.startsCapitalised = !properties.isLowercase }
            if scalar.isASCII {
                word.append(properties.isUppercase ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar)
            } else {
                word.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            }
            return
        }
        if Self.apostrophes.contains(scalar) && !word.isEmpty && !sawTerminator {
            word.append("'")
            return
        }
        endWord()
        if Self.terminators.contains(scalar) {
            sawTerminator = sentence.wordCount > 0
        } else if properties.isWhitespace {
            if sawTerminator { endSentence() }
        } else if !Self.closers.contains(scalar) {
            sawTerminator = false
        }
    }

    private mutating func countRun(of scalar: Unicode.Scalar, isSpace: Bool, isDigit: Bool) {
        characterRun = scalar == previous && !isSpace && !isDigit ? characterRun + 1 : 1
        longestCharacterRun = max(longestCharacterRun, isSpace || isDigit ? 0 : characterRun)
        previous = scalar
    }

    private mutating func endWord() {
        while word.last == "'" { word.removeLast() }
        guard !word.isEmpty else { return }
        let finished = String(word)
        wordRepeat = finished == words.last ? wordRepeat + 1 : 1
        longestWordRepeat = max(longestWordRepeat, wordRepeat)
        words.append(finished)
        sentence.wordCount += 1
        word = String.UnicodeScalarView()
    }

    private mutating func endSentence() {
        guard sentence.wordCount > 0 else { return }
        sentence.isTerminated = sawTerminator
        sentences.append(sentence)
        sentence = Sentence()
        sawTerminator = false
    }
}
