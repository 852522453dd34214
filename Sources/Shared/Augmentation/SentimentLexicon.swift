/// The polarity of a text, from -1 (clearly negative) through 0 (neutral or balanced) to 1 (clearly positive),
/// read from a weighted word list with no model: what an augmented variant must keep of its original.
///
/// Words are `TextNormaliser.words` of each clause (clauses end at `, ; : . ! ?` and line breaks). A sentiment word
/// adds its weight; an intensifier just before it scales it by `intensifierScale`; a negator turns the next
/// `negationScope` words of its clause to `negationFactor` times their weight. The sum `s` becomes `s / √(s² + α)`,
/// so one strong word reads clearly (great: 0.61) while more evidence approaches ±1 without reaching it. The same
/// text always gives the same value.
public struct SentimentLexicon: Sendable {
    /// Word weights, positive or negative, about -3…3; lower-case single words.
    public var weights: [String: Double]
    /// Words that turn the following ones around ("not", "never", and the `t` left of "don't").
    public var negators: Set<String>
    /// Words that strengthen the sentiment word right after them.
    public var intensifiers: Set<String>
    /// How many words after a negator it reaches, within its clause.
    public var negationScope = 3
    /// Negative, and less than 1 in size: "not great" is milder than "awful".
    public var negationFactor = -0.75
    public var intensifierScale = 1.4
    /// α in `s / √(s² + α)`: how much summed weight reads as about ±0.6 (√α / 1.3).
    public var normalisation = 15.0

    public init(weights: [String: Double], negators: Set<String>, intensifiers: Set<String>) {
        self.weights = weights
        self.negators = negators
        self.intensifiers = intensifiers
    }

    /// The built-in English lexicon of product, service and experience sentiment.
    public static let standard = SentimentLexicon(
        weights: SentimentLexicon.standardWeights,
        negators: SentimentLexicon.standardNegators,
        intensifiers: SentimentLexicon.standardIntensifiers)

    /// The text's polarity in -1…1; 0 when it holds no sentiment word.
    public func polarity(of text: String) -> Double {
        let sum = score(of: text)
        return sum / (sum * sum + normalisation).squareRoot()
    }

    /// The summed weights before normalising: for tests and for callers comparing raw evidence.
    public func score(of text: String) -> Double {
        var sum = 0.0
        for clause in text.split(whereSeparator: Self.isClauseBreak) {
            var negatedWords = 0
            var boost = 1.0
            for word in TextNormaliser.words(String(clause)) {
                if negators.contains(word) {
                    negatedWords = negationScope
                    boost = 1
                    continue
                }
                if intensifiers.contains(word) {
                    boost *= intensifierScale
                    if negatedWords > 0 { negatedWords -= 1 }
                    continue
                }
                if var weight = weights[word] {
                    weight *= boost
                    if negatedWords > 0 { weight *= negationFactor }
                    sum += weight
                }
                boost = 1
                if negatedWords > 0 { negatedWords -= 1 }
            }
        }
        return sum
    }

    private static func isClauseBreak(_ character: Character) -> Bool {
        switch character {
        case ",", ";", ":", ".", "!", "?", "\u{2026}", "\n", "\r\n": return true
        default: return false
        }
    }
}
