/// The controls of one text the offline provider writes, read from a generation brief in plain language.
///
/// It has no language model, so it reads the few conventions every prompt of ours states: the product is the
/// first double-quoted string, the kind is named ("product review"), `Sentiment: N/5`, a `Tone: X` line and
/// `between A and B words`. Whatever a brief leaves out falls back to its context (the system message), then to
/// a default, so any prompt gets a sensible text.
struct OfflineBrief: Sendable, Equatable {
    /// Stands in for the product when no prompt names one.
    static let unnamedProduct = "The product"

    var product: String
    var kind: SampleKind
    /// 1 (very negative) … 5 (very positive); nil leaves it to the seed.
    var sentiment: Int?
    var tone: String?
    /// The requested length in words, or nil for the kind's usual length.
    var words: ClosedRange<Int>?
    /// The brief's number within a multi-sample prompt: spreads topics over the samples of one call.
    var index: Int?
    /// Derived from the request's seed and the prompt text: the same brief always yields the same text.
    var seed: UInt64

    init(
        product: String, kind: SampleKind, sentiment: Int? = nil, tone: String? = nil, words: ClosedRange<Int>? = nil,
        index: Int? = nil, seed: UInt64
    ) {
        self.product = product
        self.kind = kind
        self.sentiment = sentiment
        self.tone = tone
        self.words = words
        self.index = index
        self.seed = seed
    }

    /// Reads `brief`, falling back to `context` for anything it does not say.
    init(reading brief: String, context: String, index: Int? = nil, seed: UInt64) {
        let sources = [brief, context]
        self.init(
            product: sources.lazy.compactMap(Self.product(in:)).first ?? Self.unnamedProduct,
            kind: sources.lazy.compactMap(Self.kind(in:)).first ?? .supportRequest,
            sentiment: sources.lazy.compactMap(Self.sentiment(in:)).first,
            tone: sources.lazy.compactMap(Self.tone(in:)).first,
            words: sources.lazy.compactMap(Self.words(in:)).first,
            index: index, seed: seed)
    }

    /// The first double-quoted string (straight or curly quotes), trimmed; nil when there is none or it is empty.
    static func product(in text: String) -> String? {
        guard let open = text.firstIndex(where: { $0 == "\"" || $0 == "\u{201C}" }) else { return nil }
        let closing: Character = text[open] == "\"" ? "\"" : "\u{201D}"
        let rest = text[text.index(after: open)...]
        guard let close = rest.firstIndex(of: closing) else { return nil }
        let name = rest[..<close].trimmingSpaces
        return name.isEmpty ? nil : name
    }

    /// Names of each kind as prompts write them; the earliest one named wins.
    private static let kindNames: [(String, SampleKind)] = [
        ("support request", .supportRequest), ("product review", .productReview),
        ("feature request", .featureRequest), ("chatbot", .chatbotConversation),
    ]

    static func kind(in text: String) -> SampleKind? {
        let lowered = text.lowercased()
        return kindNames.compactMap { name, kind in lowered.firstRange(of: name).map { ($0.lowerBound, kind) } }
            .min { $0.0 < $1.0 }?.1
    }

    /// N of the first `Sentiment: N/5`, when N is 1…5.
    static func sentiment(in text: String) -> Int? {
        let lowered = text.lowercased()
        var searched = lowered.startIndex
        while let label = lowered[searched...].firstRange(of: "sentiment:") {
            let value = lowered[label.upperBound...].drop { $0 == " " }
            if let digit = value.first?.wholeNumberValue, (1...5).contains(digit), value.dropFirst().hasPrefix("/5") {
                return digit
            }
            searched = label.upperBound
        }
        return nil
    }

    /// The value of the first line `Tone: X`, without a closing full stop.
    static func tone(in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingSpaces
            guard trimmed.lowercased().hasPrefix("tone:") else { continue }
            var value = trimmed.dropFirst("tone:".count).trimmingSpaces
            while value.hasSuffix(".") { value.removeLast() }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A ... B of the first `between A and B words` (or `A to B words`), when 1 <= A <= B.
    static func words(in text: String) -> ClosedRange<Int>? {
        let tokens = text.lowercased().split(whereSeparator: { $0 == " " || $0.isNewline }).map {
            $0.filter { $0.isLetter || $0.isNumber }
        }
        for position in tokens.indices.dropFirst(3) where tokens[position].hasPrefix("word") {
            guard ["and", "to"].contains(tokens[position - 2]), let low = Int(tokens[position - 3]),
                let high = Int(tokens[position - 1]), 1 <= low, low <= high
            else { continue }
            return low...high
        }
        return nil
    }
}
