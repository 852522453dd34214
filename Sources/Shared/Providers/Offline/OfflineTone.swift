/// The tone a text is written in; any label outside the known ten reads as `neutral`.
enum OfflineTone: String, Sendable, CaseIterable {
    case frustrated, polite, urgent, professional, casual, formal, friendly, concerned, enthusiastic, neutral

    init(label: String) {
        self = OfflineTone(rawValue: String(label.lowercased().filter { !$0.isWhitespace })) ?? .neutral
    }

    /// How often a statement ends with "!" instead of ".".
    var exclamationChance: Double {
        switch self {
        case .enthusiastic: 0.45
        case .friendly, .casual: 0.2
        case .urgent: 0.25
        case .frustrated: 0.15
        case .polite, .professional, .formal, .concerned, .neutral: 0
        }
    }

    /// Applies the tone's register to a template; formal and professional texts spell out contractions.
    func style(_ template: String) -> String {
        switch self {
        case .formal, .professional: Self.expandingContractions(template)
        default: template
        }
    }

    /// "I'm" becomes "I am", "Don't," becomes "Do not,": word by word, keeping capitals and trailing punctuation.
    static func expandingContractions(_ text: String) -> String {
        guard text.contains("'") else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { token in
            var end = token.endIndex
            while end > token.startIndex, ",.!?;:)".contains(token[token.index(before: end)]) {
                end = token.index(before: end)
            }
            guard let long = contractions[token[..<end].lowercased()], let first = token.first else {
                return String(token)
            }
            let expanded = first.isUppercase ? long.prefix(1).uppercased() + long.dropFirst() : long
            return expanded + token[end...]
        }.joined(separator: " ")
    }

    private static let contractions: [String: String] = [
        "i'm": "I am", "i've": "I have", "i'd": "I would", "i'll": "I will", "it's": "it is",
        "don't": "do not", "doesn't": "does not", "didn't": "did not", "can't": "cannot", "won't": "will not",
        "isn't": "is not", "aren't": "are not", "wasn't": "was not", "haven't": "have not", "hasn't": "has not",
        "wouldn't": "would not", "couldn't": "could not", "shouldn't": "should not", "that's": "that is",
        "there's": "there is", "here's": "here is", "what's": "what is", "you're": "you are",
        "you'll": "you will", "you'd": "you would", "you've": "you have", "we're": "we are", "we'll": "we will",
        "we've": "we have", "they're": "they are", "weren't": "were not", "let's": "let us", "it'll": "it will",
        "who's": "who is",
    ]
}
