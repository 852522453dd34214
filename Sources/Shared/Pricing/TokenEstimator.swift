/// Estimates token counts before a call, for budgets and cost estimates.
///
/// About four bytes of English per token is the documented approximation of BPE tokenizers. `TokenCounter`
/// counts exactly where a model's encoding is installed and falls back to these.
public enum TokenEstimator {
    public static func estimate(_ text: String) -> Int {
        max(1, (text.utf8.count + 3) / 4)
    }

    public static func estimate(_ messages: [ChatMessage]) -> Int {
        // Each chat message costs a few tokens of framing besides its content.
        messages.reduce(0) { $0 + estimate($1.content) + 4 }
    }

    /// Expected output of one sample: 50–200 words, about 1.3 tokens a word.
    public static let expectedSampleTokens = 170

    /// The output allowance of one sample's call: the longest sample (200 words) with some slack.
    public static let sampleMaxOutputTokens = 400
}
