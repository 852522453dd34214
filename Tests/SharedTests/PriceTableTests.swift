import Shared
import Testing

@Suite struct PriceTableTests {
    @Test(arguments: [
        ("gpt-4o", 1000, 500, "0.00750000"),
        ("gpt-4o", 0, 0, "0.00000000"),
        ("gpt-4o", 1, 0, "0.00000250"),
        ("gpt-4o", 0, 1, "0.00001000"),
        ("gpt-4o", 1_000_000, 1_000_000, "12.50000000"),
        ("gpt-4o-mini", 1000, 500, "0.00045000"),
        ("gpt-4o-mini", 1, 1, "0.00000075"),
        ("gpt-4", 1000, 1000, "0.09000000"),
        ("gpt-4", 123_456, 7_890, "4.17708000"),
        ("gpt-3.5-turbo", 2000, 1000, "0.00250000"),
        ("gpt-3.5-turbo", 100_000_000, 0, "50.00000000"),
    ])
    func costIsAnExactDecimalWithEightPlaces(model: String, input: Int, output: Int, expected: String) {
        #expect(PriceTable.costUSD(model: model, inputTokens: input, outputTokens: output) == expected)
    }

    @Test(arguments: [(0, 0), (1000, 500), (5_000_000, 2_000_000)])
    func offlineModelCostsZeroWithEightPlaces(input: Int, output: Int) {
        #expect(PriceTable.costUSD(model: "offline-v1", inputTokens: input, outputTokens: output) == "0.00000000")
    }

    @Test(arguments: ["unknown-model", "", "GPT-4O", "gpt-4o-2024-08-06"])
    func unknownModelCostsZeroAndIsNotPriced(model: String) {
        #expect(PriceTable.costUSD(model: model, inputTokens: 1000, outputTokens: 500) == "0")
        #expect(PriceTable.price(for: model) == nil)
    }

    @Test func knownModelsHaveTheirPrices() {
        let gpt4o = PriceTable.price(for: "gpt-4o")
        #expect(gpt4o?.inputPerMillion == 2.5 && gpt4o?.outputPerMillion == 10)
        let offline = PriceTable.price(for: "offline-v1")
        #expect(offline?.inputPerMillion == 0 && offline?.outputPerMillion == 0)
    }
}
