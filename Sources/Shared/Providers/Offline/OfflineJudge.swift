/// Judges a text's coherence locally, from its shape: the offline provider's answer to a judge prompt.
///
/// A heuristic, not a reader: well-formed sentences of a sensible length (`QualityScorer`'s grammar and
/// coherence), varied wording, words that look like words, little repetition, and the product named. Garbled,
/// looping or off-topic text scores low; ordinary prose about the product high.
struct OfflineJudge {
    /// The product the texts should be about; nil when the prompt names none.
    var product: String?
    var kind: SampleKind

    /// A score in 0…1 (two decimals) and a one-sentence reason naming the weakest points.
    func judge(_ text: String) -> (coherence: Double, reason: String) {
        let profile = TextProfile(text)
        guard !profile.words.isEmpty else { return (0, "The text is empty.") }
        let grammar = QualityScorer.grammar(of: profile)
        let structure = QualityScorer.coherence(of: profile, kind: kind)
        let diversity = QualityScorer.lexicalDiversity(of: profile)
        let wordlike = Double(profile.words.count(where: Self.looksLikeAWord)) / Double(profile.words.count)
        let repetition = Self.repetition(profile.words)
        let named = product.map { text.lowercased().contains($0.lowercased()) } ?? true
        let base = 0.25 * structure + 0.2 * grammar + 0.15 * diversity + 0.25 * wordlike + (named ? 0.15 : 0)
        let score = min(max(base * (1 - 0.6 * repetition), 0), 1)

        var faults: [String] = []
        if wordlike < 0.85 { faults.append("many words are not words") }
        if repetition > 0.15 { faults.append("it repeats itself") }
        if grammar < 0.7 { faults.append("sentences are malformed") }
        if structure < 0.7 { faults.append("it is fragmented") }
        if diversity < 0.5 { faults.append("the wording is monotonous") }
        if !named, let product { faults.append("it does not name \(product)") }
        let reason =
            faults.isEmpty
            ? "Clear, well-formed sentences that stay on topic."
            : "Less coherent: " + faults.joined(separator: ", ") + "."
        return ((score * 100).rounded() / 100, reason)
    }

    /// Whether `word` could be a word: it has a vowel, no run of five consonants and a plausible length.
    /// Digits and non-Latin scripts pass, since the test is only meant for keyboard mash.
    static func looksLikeAWord(_ word: String) -> Bool {
        guard word.unicodeScalars.allSatisfy({ $0.isASCII }), word.contains(where: \.isLetter) else { return true }
        let letters = word.filter(\.isLetter)
        guard letters.count <= 20 else { return false }
        var consonants = 0
        var hasVowel = false
        for letter in letters {
            if "aeiouy".contains(letter) {
                hasVowel = true
                consonants = 0
            } else {
                consonants += 1
                if consonants >= 5 { return false }
            }
        }
        return hasVowel || letters.count <= 2
    }

    /// The share of word trigrams that repeat an earlier one: 0 for fresh prose, near 1 for a loop.
    static func repetition(_ words: [String]) -> Double {
        guard words.count >= 6 else { return 0 }
        var seen: Set<[String]> = []
        var repeated = 0
        for start in 0...(words.count - 3) where !seen.insert(Array(words[start..<start + 3])).inserted {
            repeated += 1
        }
        return Double(repeated) / Double(words.count - 2)
    }
}
