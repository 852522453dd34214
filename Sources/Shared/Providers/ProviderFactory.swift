/// Builds providers from the settings: the default one, and any other a job may name.
public enum ProviderFactory {
    /// Every provider name, in the order `configuredNames` lists them.
    public static let names = ["offline", "openai", "anthropic", "openai-compatible"]

    /// The default provider (`DATAFORGE_PROVIDER`).
    public static func make(_ settings: Settings) -> any Provider {
        guard let provider = make(named: settings.provider, settings: settings) else {
            preconditionFailure("Settings accepted the unknown provider '\(settings.provider)'")
        }
        return provider
    }

    /// The provider called `name`, or nil for a name that is none of `names`.
    ///
    /// A provider without its key or base URL is still made: its calls fail fatal with a message naming the
    /// missing variable, so a misconfigured job ends with a reason instead of a crash.
    public static func make(named name: String, settings: Settings) -> (any Provider)? {
        let timeouts = ProviderTimeouts(
            requestSeconds: Double(settings.providerTimeoutSeconds),
            connectSeconds: Double(settings.connectTimeoutSeconds))
        switch name {
        case "offline":
            return OfflineProvider(
                model: defaultModel(for: name, settings: settings),
                latency: .milliseconds(settings.offlineLatencyMilliseconds))
        case "openai":
            guard let apiKey = settings.openAIAPIKey else {
                return UnconfiguredProvider(name, missing: "OPENAI_API_KEY")
            }
            return OpenAIProvider(
                name: name, baseURL: settings.openAIBaseURL, apiKey: apiKey, compatibility: settings.openAIQuirks,
                timeouts: timeouts)
        case "anthropic":
            guard let apiKey = settings.anthropicAPIKey else {
                return UnconfiguredProvider(name, missing: "ANTHROPIC_API_KEY")
            }
            return AnthropicProvider(baseURL: settings.anthropicBaseURL, apiKey: apiKey, timeouts: timeouts)
        case "openai-compatible":
            // A local server may need no key: only the base URL is required.
            guard let baseURL = settings.compatibleBaseURL else {
                return UnconfiguredProvider(name, missing: "DATAFORGE_COMPAT_BASE_URL")
            }
            return OpenAIProvider(
                name: name, baseURL: baseURL, apiKey: settings.compatibleAPIKey,
                compatibility: settings.compatibleQuirks, timeouts: timeouts)
        default:
            return nil
        }
    }

    /// The providers this deployment can call: offline always, the default provider, and every other whose key
    /// or base URL is set.
    public static func configuredNames(_ settings: Settings) -> [String] {
        names.filter { name in
            switch name {
            case "offline", settings.provider: true
            case "openai": settings.openAIAPIKey != nil || settings.openAIBaseURL != Settings.defaultOpenAIBaseURL
            case "anthropic":
                settings.anthropicAPIKey != nil || settings.anthropicBaseURL != Settings.defaultAnthropicBaseURL
            case "openai-compatible": settings.compatibleBaseURL != nil
            default: false
            }
        }
    }

    /// The model of a job that names a provider but no model: `DATAFORGE_MODEL` for the default provider, the
    /// provider's usual model for the others (`DATAFORGE_COMPAT_MODEL` for a compatible server).
    public static func defaultModel(for name: String, settings: Settings) -> String {
        guard name != settings.provider else { return settings.model }
        let model = name == "openai-compatible" ? settings.compatibleModel : Settings.defaultModel(forProvider: name)
        // Without one, the server is asked for the default provider's model and says whether it knows it.
        return model ?? settings.model
    }
}

/// A provider whose key or base URL is not configured: every call fails fatal, naming the variable to set.
private struct UnconfiguredProvider: Provider {
    let name: String
    let message: String

    init(_ name: String, missing variable: String) {
        self.name = name
        self.message = "\(variable) is not set"
    }

    func prepare(_ request: CompletionRequest) -> ProviderCall {
        .local(.failure(ProviderError(.fatal, message: message)), delay: .zero)
    }

    func interpret(_ response: HTTPResponse, for request: CompletionRequest) -> Result<Completion, ProviderError> {
        .failure(ProviderError(.fatal, message: message))
    }

    func rateLimits(in response: HTTPResponse) -> RateLimitSnapshot? { nil }
}
