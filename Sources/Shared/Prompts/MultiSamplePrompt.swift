/// The prompt that asks for k samples in one call: one text per brief, answered as
/// `{"samples":[{"index":<int>,"text":<string>}]}`.
///
/// Each brief is the whole request for one sample (product in double quotes, kind, sentiment, tone, length,
/// a variation) under a `### Brief <index>` header, so a model, or the offline provider, can answer each on its
/// own. `SampleBatch.parse` reads the answer back.
public struct MultiSamplePrompt: StructuredPrompt {
    /// Strict-compatible: every property required, no additional ones.
    public static let schema = ResponseSchema.itemList(
        named: "samples", properties: [("index", "integer"), ("text", "string")])

    public var system: String
    public var briefs: [(index: Int, brief: String)]

    public init(system: String, briefs: [(index: Int, brief: String)]) {
        self.system = system
        self.briefs = briefs
    }

    /// The system message, then the user message: the instructions and each brief under its header.
    public var messages: [ChatMessage] {
        // No quoted words before the briefs: a brief's product is the first double-quoted string it holds.
        var user = "Write \(briefs.count) texts, one for each brief below. Follow each brief on its own: its product, "
            + "kind, sentiment, tone, length and focus. The texts must differ from one another in content and wording.\n"
            + "Answer with one item per brief: its number as index and the text alone as text, "
            + "with no title, no quotes and no preamble."
        for (index, brief) in briefs {
            user += "\n\n### Brief \(index)\n" + brief.trimmingSpaces
        }
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }

    /// Room for every sample at its longest, plus the JSON around it.
    public var outputAllowance: Int { briefs.count * (TokenEstimator.sampleMaxOutputTokens + 16) }
}
