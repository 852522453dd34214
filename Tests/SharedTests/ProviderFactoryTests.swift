import Testing

@testable import Shared

@Suite struct ProviderFactoryTests {
    @Test(
        arguments: [
            ([:], ["offline"]),
            (["OPENAI_API_KEY": "sk-x"], ["offline", "openai"]),
            (["OPENAI_BASE_URL": "http://gateway/v1"], ["offline", "openai"]),
            (["OPENAI_BASE_URL": "https://api.openai.com/v1"], ["offline"]),
            (["ANTHROPIC_API_KEY": "sk-ant-x"], ["offline", "anthropic"]),
            (["ANTHROPIC_BASE_URL": "http://gateway"], ["offline", "anthropic"]),
            (["DATAFORGE_COMPAT_BASE_URL": "http://vllm/v1"], ["offline", "openai-compatible"]),
            (["DATAFORGE_PROVIDER": "anthropic"], ["offline", "anthropic"]),
            (
                [
                    "OPENAI_API_KEY": "sk-x", "ANTHROPIC_API_KEY": "sk-ant-x",
                    "DATAFORGE_COMPAT_BASE_URL": "http://vllm/v1",
                ],
                ["offline", "openai", "anthropic", "openai-compatible"]
            ),
        ] as [([String: String], [String])])
    func configuredNamesListWhatCanBeCalled(environment: [String: String], names: [String]) throws {
        #expect(ProviderFactory.configuredNames(try Settings(environment: environment)) == names)
    }

    @Test(arguments: [
        ("openai", "OPENAI_API_KEY is not set"), ("anthropic", "ANTHROPIC_API_KEY is not set"),
        ("openai-compatible", "DATAFORGE_COMPAT_BASE_URL is not set"),
    ])
    func aProviderWithoutItsSettingsFailsFatalNamingTheVariable(name: String, message: String) throws {
        let provider = try #require(ProviderFactory.make(named: name, settings: try Settings(environment: [:])))
        #expect(provider.name == name)
        let result = try #require(provider.prepare(ProviderFixtures.request()).localResult)
        #expect(result == .failure(ProviderError(.fatal, message: message)))
    }

    @Test func anUnknownNameMakesNoProvider() throws {
        #expect(ProviderFactory.make(named: "gemini", settings: try Settings(environment: [:])) == nil)
    }

    @Test func theDefaultProviderUsesTheConfiguredURLKeyQuirksAndTimeouts() throws {
        let settings = try Settings(environment: [
            "DATAFORGE_PROVIDER": "openai", "OPENAI_API_KEY": "sk-x", "OPENAI_BASE_URL": "http://gateway/v1",
            "DATAFORGE_OPENAI_QUIRKS": "max-tokens", "DATAFORGE_PROVIDER_TIMEOUT_SECONDS": "30",
            "DATAFORGE_CONNECT_TIMEOUT_SECONDS": "2",
        ])
        let provider = ProviderFactory.make(settings)
        #expect(provider.name == "openai")
        let request = try #require(provider.prepare(ProviderFixtures.request()).httpRequest)
        #expect(request.url == "http://gateway/v1/chat/completions")
        #expect(request.headers.contains(HTTPHeader("Authorization", "Bearer sk-x")))
        #expect(request.bodyText.contains(#""max_tokens":300"#))
        #expect(request.timeoutSeconds == 30 && request.connectTimeoutSeconds == 2)
    }

    @Test func aCompatibleServerNeedsNoKey() throws {
        let settings = try Settings(environment: ["DATAFORGE_COMPAT_BASE_URL": "http://localhost:11434/v1"])
        let provider = try #require(ProviderFactory.make(named: "openai-compatible", settings: settings))
        let request = try #require(provider.prepare(ProviderFixtures.request()).httpRequest)
        #expect(request.url == "http://localhost:11434/v1/chat/completions")
        #expect(request.headers == [HTTPHeader("Content-Type", "application/json")])
    }

    @Test func anthropicIsMadeWithItsKey() throws {
        let settings = try Settings(environment: ["ANTHROPIC_API_KEY": "sk-ant-x"])
        let provider = try #require(ProviderFactory.make(named: "anthropic", settings: settings))
        let request = try #require(provider.prepare(ProviderFixtures.request()).httpRequest)
        #expect(request.url == "https://api.anthropic.com/v1/messages")
        #expect(request.headers.contains(HTTPHeader("x-api-key", "sk-ant-x")))
    }

    @Test func defaultModelsFollowTheProvider() throws {
        let settings = try Settings(environment: [
            "DATAFORGE_PROVIDER": "anthropic", "DATAFORGE_MODEL": "claude-sonnet-4-5",
            "DATAFORGE_COMPAT_MODEL": "llama3.1:8b",
        ])
        #expect(ProviderFactory.defaultModel(for: "anthropic", settings: settings) == "claude-sonnet-4-5")
        #expect(ProviderFactory.defaultModel(for: "openai", settings: settings) == "gpt-4o-mini")
        #expect(ProviderFactory.defaultModel(for: "offline", settings: settings) == "offline-v1")
        #expect(ProviderFactory.defaultModel(for: "openai-compatible", settings: settings) == "llama3.1:8b")
    }
}
