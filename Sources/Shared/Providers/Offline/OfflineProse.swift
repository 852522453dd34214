/// Writes the offline provider's prose for one sample: seeded, and aware of product, kind, sentiment and tone.
///
/// Each kind builds a `Draft` from phrase banks; `assemble` then orders the body, grows it with optional
/// sentences to a seeded target length and keeps the whole text within the brief's word range.
enum OfflineProse {
    /// The length a text aims for when its brief asks for none, in words.
    static let wordLimit = 50...200

    /// The usual length of each kind, in words: chatbot replies run shortest, reviews longest.
    static func usualWords(for kind: SampleKind) -> ClosedRange<Int> {
        switch kind {
        case .productReview: wordLimit
        case .supportRequest, .featureRequest: 50...180
        case .chatbotConversation: 50...160
        }
    }

    static func text(for brief: OfflineBrief) -> String {
        var context = ProseContext(brief: brief)
        let words = brief.words ?? usualWords(for: brief.kind)
        let draft: Draft
        switch brief.kind {
        case .supportRequest: draft = supportRequest(&context)
        case .productReview: draft = productReview(&context)
        case .featureRequest: draft = featureRequest(&context)
        case .chatbotConversation: draft = chatbotConversation(&context)
        }
        return assemble(draft, words: words, &context)
    }

    /// Orders the body, adds extras until a seeded target length inside `words`, and trims anything past it.
    static func assemble(_ draft: Draft, words: ClosedRange<Int>, _ context: inout ProseContext) -> String {
        var body = draft.body
        context.rng.shuffle(&body)
        var extras = draft.extras
        context.rng.shuffle(&extras)
        // Aim inside the range (80…175 of 50…200): whole sentences overshoot the target or fall short of it.
        let spread = words.upperBound - words.lowerBound
        let target = context.rng.int(in: (words.lowerBound + spread / 5)...(words.upperBound - spread / 6))
        let fixed = wordCount(draft.opening + draft.closing + [draft.header, draft.signature].compactMap { $0 })
        var bodyWords = wordCount(body)
        while fixed + bodyWords < target, let extra = extras.popLast() {
            body.insert(extra, at: context.rng.below(body.count + 1))
            bodyWords += wordCount([extra])
        }
        while fixed + bodyWords > words.upperBound, body.count > 1, let last = body.popLast() {
            bodyWords -= wordCount([last])
        }
        let sentences = draft.opening + body + draft.closing
        var blocks = paragraphs(sentences, &context)
        if let header = draft.header { blocks.insert(header, at: 0) }
        if let signature = draft.signature { blocks.append(signature) }
        return blocks.joined(separator: "\n\n")
    }

    /// Joins sentences into one paragraph, or sometimes two when there are many.
    static func paragraphs(_ sentences: [String], _ context: inout ProseContext) -> [String] {
        guard sentences.count >= 6, context.rng.chance(0.35) else {
            return [sentences.joined(separator: " ")]
        }
        let split = context.rng.int(in: 3...(sentences.count - 3))
        return [
            sentences[..<split].joined(separator: " "),
            sentences[split...].joined(separator: " "),
        ]
    }

    static func wordCount(_ parts: [String]) -> Int {
        parts.reduce(0) { total, part in
            total + part.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        }
    }
}

/// The parts of one text before assembly: fixed sentences around a body that may be reordered and extended.
struct Draft {
    /// A greeting or a review title, on its own line.
    var header: String?
    /// Sentences that always come first, in order.
    var opening: [String] = []
    /// Core sentences, shuffled.
    var body: [String] = []
    /// Optional sentences, inserted into the body until the text reaches its target length.
    var extras: [String] = []
    /// Sentences that always come last, in order.
    var closing: [String] = []
    /// A sign-off block, on its own line.
    var signature: String?
}

/// Where a sentiment score falls: 1–2 negative, 3 mixed, 4–5 positive.
enum SentimentBand: Sendable {
    case negative, mixed, positive

    init(sentiment: Int) {
        switch sentiment {
        case ...2: self = .negative
        case 3: self = .mixed
        default: self = .positive
        }
    }
}

/// Phrase variants for each sentiment band.
struct Graded: Sendable {
    let negative: [String]
    let mixed: [String]
    let positive: [String]

    func variants(for band: SentimentBand) -> [String] {
        switch band {
        case .negative: negative
        case .mixed: mixed
        case .positive: positive
        }
    }
}
