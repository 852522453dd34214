import Shared
import Testing

@Suite struct ModelCatalogTests {
    /// The resolved choice, or the failures that name the field.
    private static func resolve(
        _ catalog: ModelCatalog, provider: String? = nil, model: String? = nil
    ) -> (choice: ModelChoice?, errors: [FieldError]) {
        var reader = FieldReader(source: .body, fields: [:])
        let choice = catalog.resolve(provider: provider, model: model, reader: &reader)
        return (choice, reader.errors)
    }

    private static func catalog(_ environment: [String: String]) throws -> ModelCatalog {
        ModelCatalog(settings: try Settings(environment: environment))
    }

    @Test func aRequestNamingNothingGetsTheDefaultProviderAndModel() throws {
        let resolved = Self.resolve(try Self.catalog([:]))
        #expect(resolved.choice == ModelChoice(provider: "offline", model: "offline-v1"))
        #expect(resolved.errors.isEmpty)
    }

    @Test func aProviderWithoutAModelGetsThatProvidersDefault() throws {
        let resolved = Self.resolve(try Self.catalog(["OPENAI_API_KEY": "sk-x"]), provider: "openai")
        #expect(resolved.choice == ModelChoice(provider: "openai", model: "gpt-4o-mini"))
    }

    @Test func anUnconfiguredProviderIsRefusedOnProvider() throws {
        let resolved = Self.resolve(try Self.catalog([:]), provider: "openai", model: "gpt-4o")
        #expect(resolved.choice == nil)
        #expect(resolved.errors.map(\.loc) == [["body", "provider"]])
        #expect(resolved.errors.first?.msg.contains("Available: offline") == true)
    }

    @Test(arguments: ["'; DROP TABLE jobs; --", "offline-v1\u{0}", "gpt 4o", "-gpt", ""])
    func aMalformedModelNameIsRefusedOnModel(model: String) throws {
        let resolved = Self.resolve(try Self.catalog(["OPENAI_API_KEY": "sk-x"]), provider: "openai", model: model)
        #expect(resolved.choice == nil)
        #expect(resolved.errors.map(\.loc) == [["body", "model"]])
        #expect(resolved.errors.first?.type == "value_error")
    }

    @Test func theOfflineProviderOffersOnlyItsOwnModel() throws {
        let resolved = Self.resolve(try Self.catalog([:]), model: "offline-v2")
        #expect(resolved.choice == nil)
        #expect(resolved.errors.first?.msg.contains("offers only 'offline-v1'") == true)
    }

    @Test func aModelWithoutAPriceIsRefusedUnlessTheOperatorAllowsIt() throws {
        let strict = Self.resolve(try Self.catalog(["OPENAI_API_KEY": "sk-x"]), provider: "openai", model: "my-model")
        #expect(strict.choice == nil)
        #expect(strict.errors.first?.msg.contains("DATAFORGE_ALLOW_UNPRICED_MODELS") == true)

        let priced = Self.resolve(
            try Self.catalog(["OPENAI_API_KEY": "sk-x", "DATAFORGE_PRICES": "my-model=1/2"]), provider: "openai",
            model: "my-model")
        #expect(priced.choice == ModelChoice(provider: "openai", model: "my-model"))

        let allowed = Self.resolve(
            try Self.catalog(["OPENAI_API_KEY": "sk-x", "DATAFORGE_ALLOW_UNPRICED_MODELS": "true"]), provider: "openai",
            model: "my-model")
        #expect(allowed.choice == ModelChoice(provider: "openai", model: "my-model"))
    }

    @Test func aDatedSnapshotOfAPricedModelIsAccepted() throws {
        let resolved = Self.resolve(
            try Self.catalog(["OPENAI_API_KEY": "sk-x"]), provider: "openai", model: "gpt-4o-2024-08-06")
        #expect(resolved.choice == ModelChoice(provider: "openai", model: "gpt-4o-2024-08-06"))
    }

    @Test func theConsumerRefusesToRunWhatThisDeploymentCannotRunButNotForWantOfAPrice() throws {
        let catalog = try Self.catalog(["OPENAI_API_KEY": "sk-x"])
        #expect(catalog.refusal(toRun: ModelChoice(provider: "openai", model: "bench-model")) == nil)
        #expect(catalog.refusal(toRun: ModelChoice(provider: "anthropic", model: "claude-haiku-4-5")) != nil)
        #expect(catalog.refusal(toRun: ModelChoice(provider: "offline", model: "offline-v2")) != nil)
        #expect(catalog.refusal(toRun: ModelChoice(provider: "openai", model: "a b")) != nil)
    }
}

@Suite struct ModelNameTests {
    @Test(arguments: [
        "gpt-4o-mini", "gpt-4o-2024-08-06", "claude-haiku-4-5", "meta-llama/Llama-3.1-8B-Instruct", "llama3.1:8b",
        "claude-3-5-sonnet-v2@20241022", "o3", String(repeating: "m", count: 128),
    ])
    func vendorNamesAreWellFormed(name: String) {
        #expect(ModelName.isWellFormed(name))
    }

    @Test(arguments: [
        "", "'; DROP TABLE jobs; --", "gpt\u{0}", "gpt 4o", "-gpt", "/gpt", "gpt\n", "modèle", "gpt\"", "gpt;",
        String(repeating: "m", count: 129),
    ])
    func otherNamesAreNot(name: String) {
        #expect(!ModelName.isWellFormed(name))
    }
}
