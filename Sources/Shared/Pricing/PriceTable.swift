/// USD per million input and output tokens for a model.
public struct ModelPrice: Sendable, Equatable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double
}

/// Model prices; unknown models cost nothing and are flagged rather than guessed.
public enum PriceTable {
    static let prices: [String: ModelPrice] = [
        "offline-v1": ModelPrice(inputPerMillion: 0, outputPerMillion: 0),
        "gpt-4o": ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10),
        "gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.6),
        "gpt-4": ModelPrice(inputPerMillion: 30, outputPerMillion: 60),
        "gpt-3.5-turbo": ModelPrice(inputPerMillion: 0.5, outputPerMillion: 1.5),
    ]

    /// The model's price, or nil when the table does not know it.
    public static func price(for model: String) -> ModelPrice? {
        prices[model]
    }

    /// The cost of a call in USD, as a decimal string with 8 places for a `numeric` column.
    public static func costUSD(model: String, inputTokens: Int, outputTokens: Int) -> String {
        guard let price = price(for: model) else { return "0" }
        // Prices per million tokens with at most 2 decimals: exact in units of 1e-8 USD per token.
        let hundredMillionths = Int((price.inputPerMillion * 100).rounded()) * inputTokens
            + Int((price.outputPerMillion * 100).rounded()) * outputTokens
        let whole = hundredMillionths / 100_000_000
        let fraction = String(hundredMillionths % 100_000_000)
        return "\(whole)." + String(repeating: "0", count: 8 - fraction.count) + fraction
    }
}
