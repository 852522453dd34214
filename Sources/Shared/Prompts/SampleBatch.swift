/// Reads the answer to a `MultiSamplePrompt`: one text per brief index.
public enum SampleBatch {
    /// The texts of `answer` by brief index, only for `expected` indices.
    ///
    /// Tolerant, since a lost sample costs a call: code fences, prose around the JSON, a bare array, items
    /// without an index (given the unclaimed expected indices in order) and a truncated array (its complete
    /// items) are all read. Unknown or repeated indices and empty texts are dropped; garbage yields nothing.
    public static func parse(_ answer: String, expected: Set<Int>) -> [Int: String] {
        let items = AnswerArray.items(in: answer, key: MultiSamplePrompt.schema.name)
        return AnswerArray.indexed(items, indexKey: "index", expected: expected) {
            AnswerArray.text(of: $0, field: "text")
        }
    }
}
