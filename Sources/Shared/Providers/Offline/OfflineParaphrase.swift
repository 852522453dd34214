/// Paraphrases a text locally: the offline provider's answer to a rewrite prompt.
///
/// Each variant rewrites words and phrases from `lexicon` (same sense and sentiment), turns some sentences
/// around their conjunction ("B because A" → "Because A, B"), and may swap two sentences in the middle of a
/// line. Listed terms are shielded before any rewrite and restored verbatim. Variants are seeded and distinct
/// from the text and from each other.
struct OfflineParaphrase {
    let text: String
    /// Phrases every variant must contain exactly as written.
    let terms: [String]

    /// A piece of a sentence: a word (letters, digits, inner apostrophes), a shielded term, or anything between.
    private enum Piece: Equatable {
        case word(String)
        case term(String)
        case gap(String)
    }

    /// Character-trigram similarity a variant should stay under, well inside a variant check's near-copy bound.
    static let targetSimilarity = 0.85

    /// Words in the lexicon's longest phrase: how far a match looks ahead.
    static let longestPhrase = lexicon.keys.map { $0.split(separator: " ").count }.max() ?? 1

    private static let termStart: Character = "\u{E000}"
    private static let termEnd: Character = "\u{E001}"

    /// `count` distinct variants; fewer only when the text has no words to rewrite at all.
    func variants(_ count: Int, seed: UInt64) -> [String] {
        let (shielded, placeholders) = shield()
        var made: [String] = []
        let original = CharacterTrigrams(text: text)
        for variant in 0..<count {
            // The first distinct rewrite far enough from the text to count as a paraphrase, else the farthest.
            var chosen: String?
            var closest = Double.infinity
            for attempt in 0..<8 {
                var rng = SeededGenerator(seed: StableHash.combine(seed, UInt64(variant * 8 + attempt)))
                let candidate = restore(rewrite(shielded, rate: 0.45 + 0.07 * Double(attempt), &rng), placeholders)
                guard candidate != text, !made.contains(candidate) else { continue }
                let similarity = CharacterTrigrams(text: candidate).jaccard(original)
                if similarity < closest { (chosen, closest) = (candidate, similarity) }
                if similarity <= Self.targetSimilarity { break }
            }
            if chosen == nil {
                chosen = Self.openers.lazy.map { restore(Self.opening(shielded, with: $0), placeholders) }
                    .first { !made.contains($0) }
            }
            if let chosen { made.append(chosen) }
        }
        return made
    }

    /// The text with each occurrence of a term (longest first) replaced by a placeholder no rewrite touches.
    private func shield() -> (String, [String]) {
        var shielded = text
        var placeholders: [String] = []
        for term in terms.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) where shielded.contains(term) {
            shielded = shielded.replacing(term, with: Self.placeholder(placeholders.count))
            placeholders.append(term)
        }
        return (shielded, placeholders)
    }

    private func restore(_ shielded: String, _ placeholders: [String]) -> String {
        var text = shielded
        for (number, term) in placeholders.enumerated().reversed() {
            text = text.replacing(Self.placeholder(number), with: term)
        }
        return text
    }

    /// Private-use characters only, so no later (shorter) term can match inside a placeholder.
    private static func placeholder(_ number: Int) -> String {
        let marker = Unicode.Scalar(0xE100 + UInt32(number % 0x1000)).map(Character.init) ?? termEnd
        return "\(termStart)\(marker)\(termEnd)"
    }

    /// One variant: each line's sentences turned around and reworded at `rate`, two middle ones maybe swapped.
    private func rewrite(_ text: String, rate: Double, _ rng: inout SeededGenerator) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var sentences = Self.sentences(in: String(line)).map { sentence in
                var turned = sentence
                if rng.chance(rate), let reordered = Self.reordered(sentence) { turned = reordered }
                return Self.reworded(turned, rate: rate, &rng)
            }
            if sentences.count >= 4, rng.chance(rate / 2) {
                let first = 1 + rng.below(sentences.count - 3)
                sentences.swapAt(first, first + 1)
            }
            return sentences.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// The sentences of one line, each with its closing mark; a sentence ends at `.`, `!` or `?` and a space.
    private static func sentences(in line: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var previous: Character?
        for character in line {
            if character == " ", let mark = previous, ".!?".contains(mark) {
                sentences.append(current)
                current = ""
            } else if !(current.isEmpty && character == " ") {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// The sentence turned around its conjunction, or nil when it has none it can safely turn around at.
    private static func reordered(_ sentence: String) -> String? {
        guard let mark = sentence.last, ".!?".contains(mark) else { return nil }
        let body = String(sentence.dropLast())
        let commas = body.count { ",;:()\"".contains($0) }
        // "When A, B." → "B when A."
        if commas == 1, let comma = body.firstIndex(of: ","),
            let conjunction = leadingConjunctions.first(where: { body.hasPrefix($0 + " ") })
        {
            let condition = body[body.index(body.startIndex, offsetBy: conjunction.count + 1)..<comma]
            let main = body[body.index(after: comma)...].trimmingSpaces
            guard wordCount(main) >= 2, wordCount(condition) >= 2 else { return nil }
            return capitalised(main) + " " + conjunction.lowercased() + " " + condition + String(mark)
        }
        // "B because A." → "Because A, B."
        guard commas == 0 else { return nil }
        for conjunction in innerConjunctions {
            let found = body.ranges(of: " \(conjunction) ")
            guard found.count == 1, let range = found.first else { continue }
            let main = body[..<range.lowerBound]
            let condition = body[range.upperBound...]
            guard wordCount(main) >= 3, wordCount(condition) >= 2 else { return nil }
            return capitalised(conjunction) + " " + condition + ", " + decapitalised(main) + String(mark)
        }
        return nil
    }

    /// The sentence with lexicon rewrites at `rate`; "a"/"an" follow a rewritten word's first letter.
    private static func reworded(_ sentence: String, rate: Double, _ rng: inout SeededGenerator) -> String {
        var pieces = pieces(of: sentence)
        var position = 0
        while position < pieces.count {
            guard case .word = pieces[position] else {
                position += 1
                continue
            }
            guard let (key, end) = match(in: pieces, at: position), let alternatives = lexicon[key] else {
                position += 1
                continue
            }
            if rng.chance(rate), case .word(let original) = pieces[position] {
                let replacement = casing(rng.pick(alternatives), like: original)
                pieces.replaceSubrange(position..<end, with: [.word(replacement)])
                fixArticle(before: position, in: &pieces)
                position += 1
            } else {
                position = end
            }
        }
        return pieces.map { piece in
            switch piece {
            case .word(let text), .term(let text), .gap(let text): text
            }
        }.joined()
    }

    /// The longest lexicon key starting at `position`, and the index after its last word.
    private static func match(in pieces: [Piece], at position: Int) -> (String, Int)? {
        var words: [String] = []
        var index = position
        var best: (String, Int)?
        while index < pieces.count, case .word(let word) = pieces[index], words.count < Self.longestPhrase {
            words.append(word.lowercased())
            let key = words.joined(separator: " ")
            if lexicon[key] != nil { best = (key, index + 1) }
            guard index + 2 < pieces.count, pieces[index + 1] == .gap(" ") else { break }
            index += 2
        }
        return best
    }

    /// Sets the article two pieces before `position` ("a issue" → "an issue").
    private static func fixArticle(before position: Int, in pieces: inout [Piece]) {
        guard position >= 2, pieces[position - 1] == .gap(" "), case .word(let article) = pieces[position - 2],
            ["a", "an"].contains(article.lowercased()), case .word(let next) = pieces[position],
            let first = next.lowercased().first
        else { return }
        let wanted = "aeiou".contains(first) ? "an" : "a"
        pieces[position - 2] = .word(casing(wanted, like: article))
    }

    private static func pieces(of sentence: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var currentIsWord = false
        var inTerm = false
        func flush() {
            guard !current.isEmpty else { return }
            pieces.append(currentIsWord ? .word(current) : .gap(current))
            current = ""
        }
        for character in sentence {
            if inTerm {
                current.append(character)
                if character == termEnd {
                    pieces.append(.term(current))
                    current = ""
                    inTerm = false
                }
                continue
            }
            if character == termStart {
                flush()
                inTerm = true
                current.append(character)
                continue
            }
            let isWordCharacter =
                character.isLetter || character.isNumber || (character == "'" && currentIsWord && !current.isEmpty)
            if isWordCharacter != currentIsWord { flush() }
            currentIsWord = isWordCharacter
            current.append(character)
        }
        flush()
        return pieces
    }

    /// `word` with the first letter upper-cased when `original`'s is.
    private static func casing(_ word: String, like original: String) -> String {
        guard original.first?.isUppercase == true else { return word }
        return capitalised(word)
    }

    private static func capitalised<Text: StringProtocol>(_ text: Text) -> String {
        guard let first = text.first, first.isLowercase else { return String(text) }
        return first.uppercased() + text.dropFirst()
    }

    /// The first word in lower case, unless it is "I" or looks like a name (capitals beyond the first letter).
    private static func decapitalised<Text: StringProtocol>(_ text: Text) -> String {
        let firstWord = text.prefix { $0.isLetter || $0 == "'" }
        guard let first = firstWord.first, first.isUppercase, firstWord.dropFirst().allSatisfy(\.isLowercase),
            firstWord != "I", !firstWord.hasPrefix("I'")
        else { return String(text) }
        return first.lowercased() + text.dropFirst()
    }

    /// The text with `opener` before its first sentence: the last resort for a text no rewrite changes.
    private static func opening(_ text: String, with opener: String) -> String {
        opener + decapitalised(text)
    }

    private static func wordCount<Text: StringProtocol>(_ text: Text) -> Int {
        text.split(separator: " ").count
    }
}
