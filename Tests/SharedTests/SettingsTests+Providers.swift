import Shared
import Testing

extension SettingsTests {
    @Test(arguments: [
        ("offline", "offline-v1"), ("openai", "gpt-4o-mini"), ("anthropic", "claude-haiku-4-5"),
        ("OpenAI", "gpt-4o-mini"),
    ])
    func theDefaultModelFollowsTheProvider(provider: String, model: String) throws {
        let settings = try Settings(environment: ["DATAFORGE_PROVIDER": provider])
        #expect(settings.provider == provider.lowercased())
        #expect(settings.model == model)
        #expect(try Settings(environment: ["DATAFORGE_PROVIDER": provider, "DATAFORGE_MODEL": "mine"]).model == "mine")
    }

    @Test func aCompatibleServerNeedsItsBaseURLAndAModel() throws {
        let noURL = try #require(throws: ConfigError.self) {
            try Settings(environment: ["DATAFORGE_PROVIDER": "openai-compatible", "DATAFORGE_MODEL": "llama3"])
        }
        #expect(noURL.variable == "DATAFORGE_COMPAT_BASE_URL")
        let noModel = try #require(throws: ConfigError.self) {
            try Settings(environment: [
                "DATAFORGE_PROVIDER": "openai-compatible", "DATAFORGE_COMPAT_BASE_URL": "http://localhost:11434/v1",
            ])
        }
        #expect(noModel.variable == "DATAFORGE_MODEL")
        let compatModel = try Settings(environment: [
            "DATAFORGE_PROVIDER": "openai-compatible", "DATAFORGE_COMPAT_BASE_URL": "http://localhost:11434/v1",
            "DATAFORGE_COMPAT_MODEL": "llama3.1:8b",
        ])
        #expect(compatModel.model == "llama3.1:8b")
    }

    @Test func providerSettingsDefault() throws {
        let settings = try Settings(environment: [:])
        #expect(
            settings.compatibleBaseURL == nil && settings.compatibleAPIKey == nil && settings.compatibleModel == nil)
        #expect(settings.compatibleQuirks == OpenAICompatibility())
        #expect(settings.openAIQuirks == OpenAICompatibility())
        #expect(settings.providerTimeoutSeconds == 120)
        #expect(settings.connectTimeoutSeconds == 10)
        #expect(settings.prices.price(for: "gpt-4o") == ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10))
    }

    @Test func providerSettingsAreRead() throws {
        let settings = try Settings(environment: [
            "DATAFORGE_COMPAT_BASE_URL": "http://vllm:8000/v1", "DATAFORGE_COMPAT_API_KEY": "local-key",
            "DATAFORGE_COMPAT_QUIRKS": "no-seed,max-tokens", "DATAFORGE_OPENAI_QUIRKS": "no-temperature",
            "DATAFORGE_PROVIDER_TIMEOUT_SECONDS": "3600", "DATAFORGE_CONNECT_TIMEOUT_SECONDS": "3",
            "DATAFORGE_PRICES": "my-model=0.5/1.5,gpt-4o=2/8",
        ])
        #expect(settings.compatibleBaseURL == "http://vllm:8000/v1")
        #expect(settings.compatibleAPIKey == "local-key")
        #expect(!settings.compatibleQuirks.sendsSeed && settings.compatibleQuirks.maxTokensField == .maxTokens)
        #expect(!settings.openAIQuirks.sendsTemperature && settings.openAIQuirks.sendsSeed)
        #expect(settings.providerTimeoutSeconds == 3600 && settings.connectTimeoutSeconds == 3)
        #expect(settings.prices.price(for: "my-model") == ModelPrice(inputPerMillion: 0.5, outputPerMillion: 1.5))
        #expect(settings.prices.price(for: "gpt-4o") == ModelPrice(inputPerMillion: 2, outputPerMillion: 8))
    }

    @Test(arguments: [
        ("DATAFORGE_PROVIDER_TIMEOUT_SECONDS", "0"),
        ("DATAFORGE_PROVIDER_TIMEOUT_SECONDS", "3601"),
        ("DATAFORGE_CONNECT_TIMEOUT_SECONDS", "0"),
        ("DATAFORGE_COMPAT_QUIRKS", "no-seed,turbo"),
        ("DATAFORGE_OPENAI_QUIRKS", "fast"),
        ("DATAFORGE_PRICES", "gpt-4o=2.5"),
        ("DATAFORGE_PRICES", "gpt-4o=0.00001/1"),
    ])
    func badProviderSettingsNameTheVariable(variable: String, value: String) throws {
        let error = try #require(throws: ConfigError.self) { try Settings(environment: [variable: value]) }
        #expect(error.variable == variable)
        #expect(error.description.contains(value))
    }
}
