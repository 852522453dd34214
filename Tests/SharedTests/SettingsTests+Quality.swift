import Shared
import Testing

extension SettingsTests {
    @Test func personalDataIsRedactedUnlessConfiguredOtherwise() throws {
        #expect(try Settings(environment: [:]).piiPolicy == .redact)
    }

    @Test(arguments: [("redact", PIIPolicy.redact), ("reject", .reject), ("off", .off), ("REJECT", .reject)])
    func eachPIIPolicyIsReadInAnyCase(value: String, policy: PIIPolicy) throws {
        #expect(try Settings(environment: ["DATAFORGE_PII": value]).piiPolicy == policy)
    }

    @Test func anUnknownPIIPolicyNamesTheChoices() throws {
        let error = try #require(throws: ConfigError.self) { try Settings(environment: ["DATAFORGE_PII": "mask"]) }
        #expect(error.description == "DATAFORGE_PII: expected one of redact, reject, off, got 'mask'")
    }

    @Test func qualityWeightsDefaultToEqualAndLeftOutComponentsWeighOne() throws {
        #expect(try Settings(environment: [:]).qualityWeights == .standard)
        let weights = try Settings(environment: ["DATAFORGE_QUALITY_WEIGHTS": "relevance=2, uniqueness = 0.5"])
            .qualityWeights
        #expect(weights[.relevance] == 2)
        #expect(weights[.uniqueness] == 0.5)
        #expect(weights[.grammar] == 1)
        #expect(weights.total == 6.5)
    }

    @Test(arguments: [
        "relevance", "relevance=", "relevance=two", "style=1", "grammar=1,grammar=2", "grammar=nan",
        "length=0,grammar=0,lexical_diversity=0,relevance=0,uniqueness=0,coherence=0", "grammar=1,",
    ])
    func malformedQualityWeightsAreRefused(value: String) throws {
        let error = try #require(throws: ConfigError.self) {
            try Settings(environment: ["DATAFORGE_QUALITY_WEIGHTS": value])
        }
        #expect(error.description.hasPrefix("DATAFORGE_QUALITY_WEIGHTS: expected component=weight pairs"))
    }
}
