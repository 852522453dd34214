/// USD per million input and output tokens for a model, with at most four decimals.
public struct ModelPrice: Sendable, Equatable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double

    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }
}

/// Model prices: the vendors' public list prices, overridden or extended per model by configuration.
///
/// Unknown models cost nothing and are flagged (`price(for:)` is nil) rather than guessed. A dated snapshot
/// (`gpt-4o-2024-08-06`, `claude-3-5-haiku-20241022`) costs what its model costs; other variants (`o3-mini`,
/// `gpt-4o-audio-preview`) are different models and stay unknown until configured.
public struct PriceTable: Sendable {
    /// List prices for standard (not batch, not cached) tokens, as published by OpenAI and Anthropic in 2025.
    static let listPrices: [String: ModelPrice] = [
        "offline-v1": ModelPrice(inputPerMillion: 0, outputPerMillion: 0),
        "gpt-5": ModelPrice(inputPerMillion: 1.25, outputPerMillion: 10),
        "gpt-5-mini": ModelPrice(inputPerMillion: 0.25, outputPerMillion: 2),
        "gpt-5-nano": ModelPrice(inputPerMillion: 0.05, outputPerMillion: 0.4),
        "gpt-4.1": ModelPrice(inputPerMillion: 2, outputPerMillion: 8),
        "gpt-4.1-mini": ModelPrice(inputPerMillion: 0.4, outputPerMillion: 1.6),
        "gpt-4.1-nano": ModelPrice(inputPerMillion: 0.1, outputPerMillion: 0.4),
        "gpt-4o": ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10),
        "gpt-4o-mini": ModelPrice(inputPerMillion: 0.15, outputPerMillion: 0.6),
        "o3": ModelPrice(inputPerMillion: 2, outputPerMillion: 8),
        "o4-mini": ModelPrice(inputPerMillion: 1.1, outputPerMillion: 4.4),
        "gpt-4": ModelPrice(inputPerMillion: 30, outputPerMillion: 60),
        "gpt-3.5-turbo": ModelPrice(inputPerMillion: 0.5, outputPerMillion: 1.5),
        "claude-opus-4-1": ModelPrice(inputPerMillion: 15, outputPerMillion: 75),
        "claude-opus-4": ModelPrice(inputPerMillion: 15, outputPerMillion: 75),
        "claude-sonnet-4-5": ModelPrice(inputPerMillion: 3, outputPerMillion: 15),
        "claude-sonnet-4": ModelPrice(inputPerMillion: 3, outputPerMillion: 15),
        "claude-3-7-sonnet": ModelPrice(inputPerMillion: 3, outputPerMillion: 15),
        "claude-haiku-4-5": ModelPrice(inputPerMillion: 1, outputPerMillion: 5),
        "claude-3-5-haiku": ModelPrice(inputPerMillion: 0.8, outputPerMillion: 4),
    ]

    private let prices: [String: ModelPrice]

    /// The list prices with `overrides` replacing or adding models.
    public init(overrides: [String: ModelPrice] = [:]) {
        prices = Self.listPrices.merging(overrides) { _, override in override }
    }

    /// The model's price, or nil when the table does not know it.
    public func price(for model: String) -> ModelPrice? {
        if let price = prices[model] { return price }
        let snapshotOf = prices.keys.filter { model.hasPrefix($0) && Self.isDateSuffix(model.dropFirst($0.count)) }
        return snapshotOf.max { $0.count < $1.count }.flatMap { prices[$0] }
    }

    /// The cost of a call in USD as an exact decimal string for a `numeric` column: 8 decimal places, or up to 10
    /// when a price's fourth decimal needs them. `"0"` for an unknown model.
    public func costUSD(model: String, inputTokens: Int, outputTokens: Int) -> String {
        guard let price = price(for: model) else { return "0" }
        // Prices per million tokens with at most 4 decimals: exact in units of 1e-10 USD per token.
        let units =
            Self.tenThousandths(price.inputPerMillion) * inputTokens
            + Self.tenThousandths(price.outputPerMillion) * outputTokens
        var fraction = String(units % 10_000_000_000)
        fraction = String(repeating: "0", count: 10 - fraction.count) + fraction
        while fraction.count > 8 && fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(units / 10_000_000_000).\(fraction)"
    }

    /// Parses `model=input/output` entries separated by commas (`my-model=0.5/1.5,gpt-4o=2/8`); nil when an entry
    /// is malformed or a price is negative or has more than 4 decimals.
    public static func parseOverrides(_ text: String) -> [String: ModelPrice]? {
        var overrides: [String: ModelPrice] = [:]
        for entry in text.split(separator: ",") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains(where: \.isWhitespace) else { return nil }
            let amounts = parts[1].split(separator: "/", omittingEmptySubsequences: false).map { String($0) }
            guard amounts.count == 2, let input = decimal(amounts[0]), let output = decimal(amounts[1]) else {
                return nil
            }
            overrides[parts[0]] = ModelPrice(inputPerMillion: input, outputPerMillion: output)
        }
        return overrides
    }

    /// `1234`, `0.5`, `0.0375`: digits with at most 4 decimals, so costs stay exact.
    private static func decimal(_ text: String) -> Double? {
        let text = text.trimmingSpaces
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits = { (piece: Substring) in !piece.isEmpty && piece.allSatisfy { $0.isASCII && $0.isNumber } }
        guard pieces.count <= 2, pieces.allSatisfy(isDigits), pieces[0].count <= 6,
            pieces.dropFirst().allSatisfy({ $0.count <= 4 })
        else { return nil }
        return Double(text)
    }

    private static func tenThousandths(_ perMillion: Double) -> Int {
        Int((perMillion * 10_000).rounded())
    }

    /// `-2024-08-06`, `-20241022` or `-0613`: the date of a snapshot of the model named before it.
    private static func isDateSuffix(_ suffix: Substring) -> Bool {
        guard suffix.first == "-" else { return false }
        let rest = suffix.dropFirst()
        let digits = rest.filter(\.isNumber)
        let compact = rest.allSatisfy { $0.isASCII && $0.isNumber } && (digits.count == 4 || digits.count == 8)
        let dashed =
            rest.count == 10 && digits.count == 8
            && rest.enumerated().allSatisfy { index, character in
                [4, 7].contains(index) ? character == "-" : character.isASCII && character.isNumber
            }
        return compact || dashed
    }
}
