/// The words and sentences of a text, read once, from which `QualityScorer` computes every component.
///
/// A word is a run of letters and digits of any script, with inner apostrophes (`don't`), lower-cased. A sentence
/// ends at `.`, `!`, `?` or `…` followed by a space or the end (closing quotes and brackets may come between), so
/// `3.5` and `v2.1` do not end one, or at once at their CJK forms.
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

    /// Reads `text` once, scalar by scalar.
    init(_ text: String) {
        for scalar in text.unicodeScalars { read(scalar) }
        endWord()
        endSentence()
    }

    /// CJK sentence ends, which no space follows.
    private static let fullWidthTerminators: Set<Unicode.Scalar> = ["\u{3002}", "\u{FF01}", "\u{FF1F}"]
    private static let terminators = fullWidthTerminators.union([".", "!", "?", "\u{2026}"])
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}", "\u{00BB}"]
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}"]

    /// What a scalar is to the reader; ASCII is classified without Unicode property lookups, which dominate the cost.
    private enum ScalarClass {
        case lowercase, uppercase, caseless, digit, space, other

        /// The class of `scalar`: letters by case, digits of any script, white space, everything else.
        init(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                switch UInt8(scalar.value) {
                case UInt8(ascii: "a")...UInt8(ascii: "z"): self = .lowercase
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): self = .uppercase
                case UInt8(ascii: "0")...UInt8(ascii: "9"): self = .digit
                case 0x09...0x0D, 0x20: self = .space
                default: self = .other
                }
                return
            }
            let properties = scalar.properties
            if properties.isWhitespace {
                self = .space
            } else if properties.numericType != nil {
                self = .digit
            } else if properties.isAlphabetic {
                self = properties.isLowercase ? .lowercase : properties.isUppercase ? .uppercase : .caseless
            } else {
                self = .other
            }
        }
    }

    /// Adds `scalar` to the current word, or ends the word (and the sentence, after a terminator and a space).
    private mutating func read(_ scalar: Unicode.Scalar) {
        let kind = ScalarClass(scalar)
        countRun(of: scalar, isCounted: kind != .space && kind != .digit)
        switch kind {
        case .lowercase, .caseless, .digit, .uppercase:
            sawTerminator = false
            if word.isEmpty && sentence.wordCount == 0 { sentence.startsCapitalised = kind != .lowercase }
            if kind != .uppercase {
                word.append(scalar)
            } else if scalar.isASCII {
                word.append(Unicode.Scalar(UInt8(scalar.value) | 0x20))
            } else {
                word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        case .space:
            endWord()
            if sawTerminator { endSentence() }
        case .other:
            if Self.apostrophes.contains(scalar) && !word.isEmpty {
                word.append("'")
                return
            }
            endWord()
            if Self.terminators.contains(scalar) {
                sawTerminator = sentence.wordCount > 0
                if Self.fullWidthTerminators.contains(scalar) { endSentence() }
            } else if !Self.closers.contains(scalar) {
                sawTerminator = false
            }
        }
    }

    /// Tracks runs of one repeated character, ignoring spaces and digits (`1000000` is a number, not a stutter).
    private mutating func countRun(of scalar: Unicode.Scalar, isCounted: Bool) {
        characterRun = scalar == previous && isCounted ? characterRun + 1 : 1
        longestCharacterRun = max(longestCharacterRun, isCounted ? characterRun : 0)
        previous = scalar
    }

    /// Files the current word, without trailing apostrophes, and counts it towards a repeat.
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

    /// Files the current sentence if it has words, terminated when a terminator was its last mark.
    private mutating func endSentence() {
        guard sentence.wordCount > 0 else { return }
        sentence.isTerminated = sawTerminator
        sentences.append(sentence)
        sentence = Sentence()
        sawTerminator = false
    }
}
