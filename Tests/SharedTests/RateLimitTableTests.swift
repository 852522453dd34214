import Shared
import Testing

@Suite struct RateLimitTableTests {
    @Test func parsesLimitsPerProviderAndModel() throws {
        let table = try RateLimitTable.parse(
            "openai/gpt-4o=rpm:500,tpm:30000; anthropic/claude-haiku-4-5=rpm:50,input_tpm:50000,output_tpm:10000,in_flight:20;"
        ).get()
        #expect(table.limits(provider: "openai", model: "gpt-4o")
            == RateLimits(requestsPerMinute: 500, tokensPerMinute: 30_000))
        #expect(table.limits(provider: "anthropic", model: "claude-haiku-4-5")
            == RateLimits(requestsPerMinute: 50, inputTokensPerMinute: 50_000, outputTokensPerMinute: 10_000, maxInFlight: 20))
        #expect(table.limits(provider: "openai", model: "gpt-4o-mini").isEmpty)
    }

    @Test(arguments: ["openai=rpm:5", "openai/gpt-4o", "openai/gpt-4o=rpm", "openai/gpt-4o=rpm:0",
                      "openai/gpt-4o=rpm:-3", "openai/gpt-4o=speed:5", "openai/gpt-4o=rpm:lots", "=", "==", "=rpm:5",
                      "openai/=rpm:5", "/gpt-4o=rpm:5", "openai/gpt-4o=", "openai/gpt-4o= "])
    func rejectsMalformedEntries(text: String) {
        guard case .failure(let error) = RateLimitTable.parse(text) else {
            Issue.record("'\(text)' should not parse")
            return
        }
        #expect(!error.message.isEmpty)
    }

    @Test func defaultProvidersOwnVariablesFillItsEntry() throws {
        let settings = try Settings(environment: [
            "DATAFORGE_PROVIDER": "openai", "DATAFORGE_MODEL": "gpt-4o", "OPENAI_API_KEY": "sk-test",
            "DATAFORGE_RPM": "300", "DATAFORGE_MAX_IN_FLIGHT": "8",
            "DATAFORGE_RATE_LIMITS": "openai/gpt-4o=tpm:90000;openai/gpt-4o-mini=rpm:1000",
        ])
        #expect(settings.rateLimits.limits(provider: "openai", model: "gpt-4o")
            == RateLimits(requestsPerMinute: 300, tokensPerMinute: 90_000, maxInFlight: 8))
        #expect(settings.rateLimits.limits(provider: "openai", model: "gpt-4o-mini") == RateLimits(requestsPerMinute: 1000))
    }

    @Test func badLimitsStopTheProcessAtStartNamingTheVariable() {
        for (name, value) in [("DATAFORGE_RATE_LIMITS", "openai/gpt-4o=rpm:x"), ("DATAFORGE_RPM", "0"),
                              ("DATAFORGE_RATE_UTILISATION_PERCENT", "120")] {
            #expect(throws: ConfigError.self) { try Settings(environment: [name: value]) }
            do {
                _ = try Settings(environment: [name: value])
            } catch {
                #expect(error.variable == name)
            }
        }
    }

    @Test func learnedLimitsComeFromTheReportedLimitsOnly() {
        var snapshot = RateLimitSnapshot()
        snapshot.requestsLimit = 500
        snapshot.requestsRemaining = 12
        snapshot.inputTokensLimit = 40_000
        #expect(RateLimits(learnedFrom: snapshot) == RateLimits(requestsPerMinute: 500, inputTokensPerMinute: 40_000))
        #expect(RateLimits(learnedFrom: RateLimitSnapshot()).isEmpty)
    }
}
