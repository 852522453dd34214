import Shared
import Testing

@Suite struct PriceTableTests {
    static let prices = PriceTable()

    @Test(arguments: [
        ("gpt-4o", 1000, 500, "0.00750000"),
        ("gpt-4o", 0, 0, "0.00000000"),
        ("gpt-4o", 1, 0, "0.00000250"),
        ("gpt-4o", 0, 1, "0.00001000"),
        ("gpt-4o", 1_000_000, 1_000_000, "12.50000000"),
        ("gpt-4o-mini", 1000, 500, "0.00045000"),
        ("gpt-4o-mini", 1, 1, "0.00000075"),
        ("gpt-4", 123_456, 7_890, "4.17708000"),
        ("gpt-3.5-turbo", 100_000_000, 0, "50.00000000"),
        ("gpt-5-nano", 1, 0, "0.00000005"),
        ("gpt-4.1-nano", 3, 7, "0.00000310"),
        ("claude-opus-4-1", 10_000, 2_000, "0.30000000"),
        ("claude-3-5-haiku", 1_234, 567, "0.00325520"),
    ])
    func costIsAnExactDecimalWithEightPlaces(model: String, input: Int, output: Int, expected: String) {
        #expect(Self.prices.costUSD(model: model, inputTokens: input, outputTokens: output) == expected)
    }

    @Test(arguments: [(0, 0), (1000, 500), (5_000_000, 2_000_000)])
    func offlineModelCostsZeroWithEightPlaces(input: Int, output: Int) {
        #expect(Self.prices.costUSD(model: "offline-v1", inputTokens: input, outputTokens: output) == "0.00000000")
    }

    @Test(arguments: [
        ("gpt-4o", 2.5, 10.0), ("gpt-4o-mini", 0.15, 0.6), ("gpt-4.1", 2, 8), ("gpt-4.1-mini", 0.4, 1.6),
        ("gpt-4.1-nano", 0.1, 0.4), ("o3", 2, 8), ("o4-mini", 1.1, 4.4), ("gpt-5", 1.25, 10), ("gpt-5-mini", 0.25, 2),
        ("gpt-5-nano", 0.05, 0.4), ("gpt-3.5-turbo", 0.5, 1.5), ("claude-opus-4-1", 15, 75), ("claude-opus-4", 15, 75),
        ("claude-sonnet-4-5", 3, 15), ("claude-sonnet-4", 3, 15), ("claude-3-7-sonnet", 3, 15),
        ("claude-haiku-4-5", 1, 5), ("claude-3-5-haiku", 0.8, 4),
    ])
    func listPricesAreKnown(model: String, input: Double, output: Double) {
        #expect(Self.prices.price(for: model) == ModelPrice(inputPerMillion: input, outputPerMillion: output))
    }

    @Test(arguments: [
        ("gpt-4o-2024-08-06", "gpt-4o"), ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini"), ("gpt-3.5-turbo-0125", "gpt-3.5-turbo"),
        ("claude-3-5-haiku-20241022", "claude-3-5-haiku"), ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
        ("claude-opus-4-1-20250805", "claude-opus-4-1"), ("claude-opus-4-20250514", "claude-opus-4"),
    ])
    func datedSnapshotsCostWhatTheirModelCosts(snapshot: String, model: String) throws {
        let price = try #require(Self.prices.price(for: snapshot))
        #expect(price == Self.prices.price(for: model))
    }

    @Test(arguments: [
        "unknown-model", "", "GPT-4O", "o3-mini", "o3-pro", "gpt-4o-audio-preview", "gpt-4-turbo", "claude-sonnet-4-6",
        "claude-3-5-haiku-latest2", "gpt-4o-2024-08",
    ])
    func otherModelsAreUnknownAndCostZero(model: String) {
        #expect(Self.prices.costUSD(model: model, inputTokens: 1000, outputTokens: 500) == "0")
        #expect(Self.prices.price(for: model) == nil)
    }

    @Test func overridesReplaceAndAddModels() throws {
        let overrides = try #require(PriceTable.parseOverrides(" my-model = 0.5/1.5 ,gpt-4o=2/8,"))
        let prices = PriceTable(overrides: overrides)
        #expect(prices.price(for: "my-model") == ModelPrice(inputPerMillion: 0.5, outputPerMillion: 1.5))
        #expect(prices.price(for: "gpt-4o") == ModelPrice(inputPerMillion: 2, outputPerMillion: 8))
        #expect(prices.price(for: "gpt-4o-2024-08-06") == ModelPrice(inputPerMillion: 2, outputPerMillion: 8))
        #expect(prices.price(for: "gpt-4o-mini") == ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.6))
        #expect(prices.costUSD(model: "my-model", inputTokens: 1000, outputTokens: 1000) == "0.00200000")
    }

    @Test func fourDecimalPricesStayExact() throws {
        let prices = PriceTable(overrides: try #require(PriceTable.parseOverrides("tiny=0.0375/0.0001")))
        #expect(prices.costUSD(model: "tiny", inputTokens: 1, outputTokens: 0) == "0.0000000375")
        #expect(prices.costUSD(model: "tiny", inputTokens: 0, outputTokens: 1) == "0.0000000001")
        #expect(prices.costUSD(model: "tiny", inputTokens: 4, outputTokens: 0) == "0.00000015")
        #expect(prices.costUSD(model: "tiny", inputTokens: 1_000_000, outputTokens: 10_000_000) == "0.03850000")
    }

    @Test(arguments: [
        "my-model", "my-model=0.5", "my-model=0.5/", "=1/2", "my model=1/2", "m=1/2/3", "m=0.12345/1", "m=-1/2",
        "m=1e3/2", "m=.5/1", "m=5./1", "m=abc/1", "m=1/2,broken",
    ])
    func malformedOverridesAreRejected(text: String) {
        #expect(PriceTable.parseOverrides(text) == nil)
    }
}
