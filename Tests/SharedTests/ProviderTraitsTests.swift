import Shared
import Testing

/// The traits the consumer reads through `any Provider`: they must dispatch to each provider's own value.
@Suite struct ProviderTraitsTests {
    @Test func offlineAnswersLocallyAndRemoteProvidersDoNot() {
        let providers: [any Provider] = [
            OfflineProvider(), OpenAIProvider(baseURL: "http://127.0.0.1:9/v1", apiKey: nil),
            AnthropicProvider(baseURL: "http://127.0.0.1:9", apiKey: "k"),
        ]
        #expect(providers.map(\.answersLocally) == [true, false, false])
    }

    @Test func onlyAnthropicCountsTheOutputItReallyProduced() {
        let openAI: any Provider = OpenAIProvider(baseURL: "http://127.0.0.1:9/v1", apiKey: nil)
        let anthropic: any Provider = AnthropicProvider(baseURL: "http://127.0.0.1:9", apiKey: "k")
        #expect(openAI.countsMaximumOutputTokens)
        #expect(!anthropic.countsMaximumOutputTokens)
    }
}
