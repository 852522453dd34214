import Shared
import Testing

@Suite struct TokenCounterTests {
    private static let chat = [
        ChatMessage(role: "system", content: "You are a helpful assistant."),
        ChatMessage(role: "user", content: "Hello!"),
    ]

    @Test(arguments: [nil, "/nonexistent/dataforge"])
    func withoutRankFilesTheCountIsApproximate(directory: String?) {
        let counter = TokenCounter(directory: directory)
        let count = counter.count("Hello, world!", model: "gpt-4o")
        #expect(count == TokenCount(tokens: TokenEstimator.estimate("Hello, world!"), encoding: nil))
        #expect(!count.isExact && count.method == "approximate")
        #expect(counter.count(messages: Self.chat, model: "gpt-4o").tokens == TokenEstimator.estimate(Self.chat))
    }

    @Test func aModelWithoutAnEncodingIsApproximate() {
        let count = TokenCounter(directory: RankFiles.directory).count("Hello, world!", model: "claude-sonnet-4-5")
        #expect(count.method == "approximate")
    }

    @Test(.enabled(if: RankFiles.areInstalled), arguments: [
        ("gpt-4o", "bpe:o200k_base"), ("gpt-5-mini", "bpe:o200k_base"), ("gpt-4", "bpe:cl100k_base"),
    ])
    func anOpenAIModelIsCountedWithItsEncoding(model: String, method: String) {
        let count = TokenCounter(directory: RankFiles.directory).count("Hello, world!", model: model)
        #expect(count.tokens == 4)
        #expect(count.isExact && count.method == method)
    }

    // 3 per message + its role and content, + 3 for the reply: 3 + (3 + 1 + 6) + (3 + 1 + 2), as tiktoken counts.
    @Test(.enabled(if: RankFiles.areInstalled), arguments: ["gpt-4o", "gpt-4"])
    func aChatCountsOpenAIsFraming(model: String) {
        let count = TokenCounter(directory: RankFiles.directory).count(messages: Self.chat, model: model)
        #expect(count.tokens == 19)
        #expect(count.isExact)
    }
}
