/// The Unicode classes that the encodings' split patterns test, for one scalar.
///
/// Categories come from the standard library's Unicode tables; `\s` is the White_Space property, as in
/// the Rust regex crate that tiktoken uses (so U+0085 and U+00A0 are spaces, U+001C–U+001F are not).
/// That crate knows Unicode 16.0: scalars assigned later count as unassigned here too, or text in them
/// would split differently from tiktoken's.
struct ScalarClass: OptionSet, Sendable {
    let rawValue: UInt8

    /// `\p{L}`.
    static let letter = ScalarClass(rawValue: 1 << 0)
    /// `\p{N}`.
    static let number = ScalarClass(rawValue: 1 << 1)
    /// `\s`.
    static let whitespace = ScalarClass(rawValue: 1 << 2)
    /// `[\r\n]`.
    static let newline = ScalarClass(rawValue: 1 << 3)
    /// o200k's head of a word, `[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]`.
    static let wordHead = ScalarClass(rawValue: 1 << 4)
    /// o200k's tail of a word, `[\p{Ll}\p{Lm}\p{Lo}\p{M}]`.
    static let wordTail = ScalarClass(rawValue: 1 << 5)

    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    init(_ scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x61...0x7A: self = [.letter, .wordTail]
        case 0x41...0x5A: self = [.letter, .wordHead]
        case 0x30...0x39: self = .number
        case 0x0A, 0x0D: self = [.whitespace, .newline]
        case 0x09, 0x0B, 0x0C, 0x20: self = .whitespace
        case 0..<0x80: self = []
        default: self = Self(properties: scalar.properties)
        }
    }

    /// The Unicode version of tiktoken's regex tables.
    private static let unicodeVersion: Unicode.Version = (16, 0)

    private init(properties: Unicode.Scalar.Properties) {
        guard let age = properties.age, age <= Self.unicodeVersion else {
            self = []
            return
        }
        var kind: ScalarClass = properties.isWhitespace ? .whitespace : []
        switch properties.generalCategory {
        case .uppercaseLetter, .titlecaseLetter: kind.formUnion([.letter, .wordHead])
        case .lowercaseLetter: kind.formUnion([.letter, .wordTail])
        case .modifierLetter, .otherLetter: kind.formUnion([.letter, .wordHead, .wordTail])
        case .nonspacingMark, .spacingMark, .enclosingMark: kind.formUnion([.wordHead, .wordTail])
        case .decimalNumber, .letterNumber, .otherNumber: kind.formUnion(.number)
        default: break
        }
        self = kind
    }

    /// `[^\r\n\p{L}\p{N}]`: the one scalar that may lead a word (a space, a quote, a mark).
    var leadsWord: Bool { isDisjoint(with: [.newline, .letter, .number]) }

    /// `[^\s\p{L}\p{N}]`: punctuation, symbols, marks and controls.
    var isPunctuation: Bool { isDisjoint(with: [.whitespace, .letter, .number]) }
}
