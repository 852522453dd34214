/// The providers and models this deployment accepts work for, and how a request's `provider` and `model`
/// resolve against them.
///
/// A provider must be configured here. A model must be well formed (`ModelName`), offered by its provider
/// (the offline provider offers only its own, for free), and have a known price unless unpriced models are
/// allowed: so a job's `max_cost_usd` always means something. Nothing a client merely sends reaches the
/// database or a provider without passing here.
public struct ModelCatalog: Sendable {
    public var defaultProvider: String
    /// The configured providers, each with the model a request that names none gets.
    public var defaultModels: [String: String]
    public var prices: PriceTable
    public var allowsUnpriced: Bool

    /// A catalog of these parts; `init(settings:)` is the deployment's own.
    public init(defaultProvider: String, defaultModels: [String: String], prices: PriceTable, allowsUnpriced: Bool) {
        self.defaultProvider = defaultProvider
        self.defaultModels = defaultModels
        self.prices = prices
        self.allowsUnpriced = allowsUnpriced
    }

    /// The deployment's catalog: the configured providers with their default models, the price table and
    /// `DATAFORGE_ALLOW_UNPRICED_MODELS`.
    public init(settings: Settings) {
        let names = ProviderFactory.configuredNames(settings)
        self.init(
            defaultProvider: settings.provider,
            defaultModels: Dictionary(
                uniqueKeysWithValues: names.map { ($0, ProviderFactory.defaultModel(for: $0, settings: settings)) }),
            prices: settings.prices, allowsUnpriced: settings.allowsUnpricedModels)
    }

    /// What a deployment without settings offers: the offline provider and its model.
    public static let offline = ModelCatalog(
        defaultProvider: "offline", defaultModels: ["offline": "offline-v1"], prices: PriceTable(), allowsUnpriced: false)

    /// The configured providers, in `ProviderFactory.names` order.
    public var providers: [String] { ProviderFactory.names.filter { defaultModels[$0] != nil } }

    /// A request's choice with the defaults filled in, or nil after adding a failure that names `provider` or
    /// `model` to `reader`.
    public func resolve(provider: String?, model: String?, reader: inout FieldReader) -> ModelChoice? {
        let choice = ModelChoice(
            provider: provider ?? defaultProvider, model: model ?? defaultModels[provider ?? defaultProvider] ?? "")
        guard defaultModels[choice.provider] != nil else {
            reader.fail(
                "provider", type: "value_error",
                msg: "Value error, Provider '\(choice.provider)' is not configured. "
                    + "Available: \(providers.joined(separator: ", "))")
            return nil
        }
        if let reason = refusal(toRun: choice) ?? refusal(toPrice: choice) {
            reader.fail("model", type: "value_error", msg: "Value error, " + reason)
            return nil
        }
        return choice
    }

    /// Why this deployment cannot run a pinned choice, or nil: the consumer's check of what a job names.
    public func refusal(toRun choice: ModelChoice) -> String? {
        guard let defaultModel = defaultModels[choice.provider] else {
            return "Provider '\(choice.provider)' is not configured here"
        }
        guard ModelName.isWellFormed(choice.model) else { return "Model names are \(ModelName.rule)" }
        if choice.provider == "offline" && choice.model != defaultModel {
            return "The offline provider offers only '\(defaultModel)'"
        }
        return nil
    }

    /// Why a model may not be accepted for want of a price, or nil.
    private func refusal(toPrice choice: ModelChoice) -> String? {
        guard choice.provider != "offline", prices.price(for: choice.model) == nil, !allowsUnpriced else { return nil }
        return "No price is known for model '\(choice.model)': give it one in DATAFORGE_PRICES, "
            + "or allow unpriced models with DATAFORGE_ALLOW_UNPRICED_MODELS"
    }
}
