import Shared

/// The providers this consumer may call, made once each on first use.
final class ProviderSet {
    private let settings: Settings
    private let catalog: ModelCatalog
    private var made: [String: any Provider] = [:]

    init(settings: Settings) {
        self.settings = settings
        self.catalog = ModelCatalog(settings: settings)
    }

    /// The provider and model a job pinned when it was accepted, or why this consumer cannot run them: a job
    /// runs exactly what the API accepted, never a default of the consumer's own.
    func pinned(provider name: String?, model: String?) -> Result<(provider: any Provider, model: String), JobRefusal> {
        guard let name, let model else {
            return .failure(JobRefusal(reason: "The job does not name its provider and model; submit it again"))
        }
        if let reason = catalog.refusal(toRun: ModelChoice(provider: name, model: model)) {
            return .failure(JobRefusal(reason: reason))
        }
        if let provider = made[name] { return .success((provider, model)) }
        guard let provider = ProviderFactory.make(named: name, settings: settings) else {
            return .failure(JobRefusal(reason: "Provider '\(name)' is not configured here"))
        }
        made[name] = provider
        return .success((provider, model))
    }
}

/// Why a consumer will not run a job, in words for its `error_message`.
struct JobRefusal: Error {
    var reason: String
}
