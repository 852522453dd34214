/// The prompt that asks how close in meaning each variant is to its original, for up to `maxPairs` pairs at once,
/// answered as `{"judgements":[{"index":int,"similarity":number}]}`; `parse` reads the scores back.
public struct SimilarityPrompt: StructuredPrompt {
    /// Strict-compatible: every property required, no additional ones.
    public static let schema = ResponseSchema.itemList(
        named: "judgements", properties: [("index", "integer"), ("similarity", "number")])

    /// More pairs per call make the judge lose track of which variant belongs to which original.
    public static let maxPairs = 8

    public var pairs: [(index: Int, original: String, variant: String)]

    /// - Parameter pairs: 1…`maxPairs` pairs; `batches(of:)` splits a longer list.
    public init(pairs: [(index: Int, original: String, variant: String)]) {
        precondition((1...Self.maxPairs).contains(pairs.count), "a similarity prompt judges 1 to 8 pairs")
        self.pairs = pairs
    }

    /// One prompt per `maxPairs` pairs, in order; none for no pairs.
    public static func batches(of pairs: [(index: Int, original: String, variant: String)]) -> [SimilarityPrompt] {
        stride(from: 0, to: pairs.count, by: maxPairs).map { start in
            SimilarityPrompt(pairs: Array(pairs[start..<min(start + maxPairs, pairs.count)]))
        }
    }

    public var messages: [ChatMessage] {
        let system = "You compare rewritten customer texts with their originals for a dataset: how much of the "
            + "original's meaning each variant keeps. You judge each pair on its own."
        var user = "For each pair below, give similarity from 0 to 1: how similar in meaning the variant is to the "
            + "original. 1 means the same meaning and wording, 0 means unrelated. A faithful paraphrase in other "
            + "words scores high; a variant that drops or changes a fact, a product detail or the sentiment scores "
            + "lower. Answer for every pair, with its number as index."
        for pair in pairs {
            user += Self.section(
                "Pair", number: pair.index,
                body: "Original: " + pair.original.trimmingSpaces + "\nVariant: " + pair.variant.trimmingSpaces)
        }
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }

    /// A score per pair and no reason. Ask at temperature 0: a judgement should not vary between calls.
    public var outputAllowance: Int { 24 + 16 * pairs.count }

    /// The similarity of each pair the answer scores, by index, clamped to 0…1; read as tolerantly as
    /// `JudgePrompt.parse`, except that items without an index are dropped.
    public static func parse(_ answer: String) -> [Int: Double] {
        AnswerArray.scores(in: answer, key: schema.name, score: "similarity", expected: nil)
    }
}
