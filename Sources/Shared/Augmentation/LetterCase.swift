/// How a word or phrase is capitalised, so a replacement can be written the same way.
enum LetterCase: Equatable {
    /// "battery life"
    case lower
    /// "Battery life": the first letter only.
    case capitalised
    /// "Battery Life": every word.
    case title
    /// "BATTERY LIFE"
    case upper

    /// The case of a written phrase; a single capital letter ("A") counts as capitalised, not upper case.
    init(of written: String) {
        let letters = written.filter(\.isLetter)
        let words = written.split { !$0.isLetter && !$0.isNumber }
        if letters.count > 1, letters.allSatisfy(\.isUppercase) {
            self = .upper
        } else if letters.first?.isUppercase != true {
            self = .lower
        } else if words.count > 1, words.allSatisfy({ $0.first?.isUppercase == true }) {
            self = .title
        } else {
            self = .capitalised
        }
    }

    /// A lower-case phrase written in this case.
    func apply(to phrase: String) -> String {
        switch self {
        case .lower: phrase
        case .upper: phrase.uppercased()
        case .capitalised: LetterCase.capitalisingFirst(phrase)
        case .title:
            phrase.split(separator: " ", omittingEmptySubsequences: false)
                .map { LetterCase.capitalisingFirst(String($0)) }.joined(separator: " ")
        }
    }

    private static func capitalisingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
