/// The prompt that asks for paraphrases of one text keeping listed terms verbatim and its sentiment, answered as
/// `{"paraphrases":[{"variant":int,"text":string}]}`; `parse` reads the texts back.
public struct RewritePrompt: StructuredPrompt {
    /// Strict-compatible: every property required, no additional ones.
    public static let schema = ResponseSchema.itemList(
        named: "paraphrases", properties: [("variant", "integer"), ("text", "string")])

    public var text: String
    /// Paraphrases wanted, at least one.
    public var count: Int
    /// Terms every paraphrase keeps exactly as written (aspect terms, the product).
    public var keep: [String]

    public init(text: String, count: Int, keep: [String]) {
        precondition(count >= 1, "a rewrite asks for at least one paraphrase")
        self.text = text
        self.count = count
        self.keep = keep
    }

    public var messages: [ChatMessage] {
        let system = "You paraphrase customer texts about products for a dataset. A paraphrase keeps the meaning, "
            + "the sentiment and the listed terms, and changes the wording and the order of clauses."
        var user = "Write \(count) paraphrases of the text under the Text header, numbered 1 to \(count) as variant.\n"
            + "Each keeps the meaning and the sentiment (positive stays positive, negative stays negative) and about "
            + "the same length, and differs from the text and from the other paraphrases in wording and sentence order."
        let terms = keep.map(\.trimmingSpaces).filter { !$0.isEmpty }
        if !terms.isEmpty {
            user += "\nKeep each of these terms exactly as written, with the same spelling and capitals:\n"
                + terms.map { "- " + $0 }.joined(separator: "\n")
        }
        user += Self.section("Text", body: text)
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }

    /// Room for each paraphrase at twice the text's estimated length.
    public var outputAllowance: Int { 24 + count * (2 * TokenEstimator.estimate(text) + 16) }

    /// The paraphrases in variant order (items without a variant after those with one, in answer order), without
    /// empty texts or repeats.
    public static func parse(_ answer: String) -> [String] {
        let items = AnswerArray.items(in: answer, key: schema.name)
        let ordered = items.enumerated().sorted { lhs, rhs in
            let left = AnswerArray.number(lhs.element["variant"]) ?? Int.max
            let right = AnswerArray.number(rhs.element["variant"]) ?? Int.max
            return (left, lhs.offset) < (right, rhs.offset)
        }
        var seen: Set<String> = []
        return ordered.compactMap { AnswerArray.text(of: $0.element, field: "text") }.filter { seen.insert($0).inserted }
    }
}
