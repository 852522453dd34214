import Testing

@testable import Shared

@Suite struct ProviderBlockingTests {
    @Test func aLocalAnswerArrivesAfterItsDelay() throws {
        let provider = OfflineProvider(latency: .milliseconds(60))
        let client = HTTPClient()
        var completion: Completion?
        let elapsed = try ContinuousClock().measure {
            completion = try provider.completeBlocking(ProviderFixtures.request(), client: client)
        }
        #expect(elapsed >= .milliseconds(60))
        #expect(completion?.model == "offline-v1")
    }

    @Test func aLocalFailureIsThrown() throws {
        let settings = try Settings(environment: [:])
        let provider = try #require(ProviderFactory.make(named: "openai", settings: settings))
        let error = try #require(throws: ProviderError.self) {
            try provider.completeBlocking(ProviderFixtures.request(), client: HTTPClient())
        }
        #expect(error == ProviderError(.fatal, message: "OPENAI_API_KEY is not set"))
    }

    @Test func anUnreachableServerIsRetryable() throws {
        // Port 9 (discard) has no listener here: the connection is refused at once.
        let provider = OpenAIProvider(baseURL: "http://127.0.0.1:9/v1", apiKey: nil)
        let error = try #require(throws: ProviderError.self) {
            try provider.completeBlocking(ProviderFixtures.request(), client: HTTPClient())
        }
        #expect(error.kind == .retryable(retryAfter: nil))
        #expect(error.message.hasPrefix("Could not reach the provider: "))
    }
}
