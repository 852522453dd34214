/// The prompt that asks for a coherence judgement of several texts at once, answered as
/// `{"judgements":[{"index":int,"coherence":number,"reason":string}]}`; `parse` reads the scores back.
public struct JudgePrompt: StructuredPrompt {
    /// Strict-compatible: every property required, no additional ones.
    public static let schema = ResponseSchema.itemList(
        named: "judgements", properties: [("index", "integer"), ("coherence", "number"), ("reason", "string")])

    /// The product the texts are meant to be about.
    public var product: String
    public var kind: SampleKind
    public var texts: [(index: Int, text: String)]

    public init(product: String, kind: SampleKind, texts: [(index: Int, text: String)]) {
        self.product = product
        self.kind = kind
        self.texts = texts
    }

    public var messages: [ChatMessage] {
        let system = "You judge the coherence of texts for a dataset of customer texts: whether each reads as one "
            + "clear, consistent, well-formed text a real customer could have written. You judge each text on its own."
        // The product is the first double-quoted string: nothing quoted may come before it.
        var user = "Judge the coherence of each \(kind.noun) about \"\(product)\" below. For each text give coherence "
            + "from 0 (incoherent: garbled, contradictory, repetitive or off-topic) to 1 (fully coherent), and a "
            + "reason of one short sentence. Answer for every text, with its number as index."
        for (index, text) in texts {
            user += Self.section("Text", number: index, body: text)
        }
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }

    /// A score and a short reason per text. Ask at temperature 0: a judgement should not vary between calls.
    public var outputAllowance: Int { 24 + 60 * texts.count }

    /// The coherence of each `expected` text, clamped to 0…1; read as tolerantly as `SampleBatch.parse`.
    public static func parse(_ answer: String, expected: Set<Int>) -> [Int: Double] {
        AnswerArray.scores(in: answer, key: schema.name, score: "coherence", expected: expected)
    }
}
