/// The little English an aspect extractor needs: regular plurals, and which words may modify a noun in a phrase.
///
/// Without a part-of-speech tagger a modifier is any word that is not a function word, a common verb or an `-ly`
/// adverb; that keeps "great battery life" and "wireless charging" and stops at "the", "is" or "really".
enum NounPhrase {
    /// The regular plural of a lower-case noun: "refund" → "refunds", "battery" → "batteries", "box" → "boxes".
    static func plural(of noun: String) -> String {
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("z") || noun.hasSuffix("ch")
            || noun.hasSuffix("sh")
        {
            return noun + "es"
        }
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
            return String(noun.dropLast()) + "ies"
        }
        return noun + "s"
    }

    /// Whether a lower-case word can stand before a noun inside its phrase.
    static func canModify(_ word: String) -> Bool {
        !functionWords.contains(word) && !(word.count > 4 && word.hasSuffix("ly"))
    }

    private static let functionWords: Set<String> = [
        // determiners and pronouns
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "some",
        "any", "no", "every", "each", "all", "both", "either", "neither", "another", "other", "such", "what", "which",
        "whose", "i", "you", "he", "she", "it", "we", "they", "me", "him", "us", "them", "one",
        // prepositions and conjunctions
        "of", "in", "on", "at", "to", "for", "with", "without", "from", "by", "about", "after", "before", "during",
        "over", "under", "into", "through", "than", "as", "like", "between", "against", "per", "and", "or", "but",
        "nor", "so", "yet", "because", "if", "while", "although", "though", "since", "until", "via",
        // auxiliaries and verbs that take an aspect as object
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "should", "may", "might", "must", "shall", "get", "got", "gets", "love", "loved",
        "loves", "liked", "likes", "hate", "hated", "hates", "need", "needed", "needs", "want", "wanted", "wants",
        "bought", "received", "expected", "contacted", "asked", "requested", "called", "tried", "check", "checked",
        "improve", "improved", "fix", "fixed", "makes", "made", "make", "found", "find", "says", "said",
        // adverbs and particles
        "not", "very", "too", "also", "just", "quite", "more", "most", "less", "least", "even", "still", "only",
        "again", "ever", "never", "always", "here", "there", "then", "now", "how", "when", "where", "why", "pretty",
        "rather", "much", "s", "t", "re", "ve", "ll", "d", "m",
    ]
}
