import Shared

/// The providers this consumer may call, made once each on first use.
final class ProviderSet {
    private let settings: Settings
    private var made: [String: any Provider] = [:]

    init(settings: Settings) {
        self.settings = settings
    }

    /// The provider a job names (nil: the default), or nil when it is not configured here.
    func provider(named name: String?) -> (any Provider)? {
        let name = name ?? settings.provider
        if let provider = made[name] { return provider }
        guard let provider = ProviderFactory.make(named: name, settings: settings) else { return nil }
        made[name] = provider
        return provider
    }

    /// The model a job gets when it names none.
    func defaultModel(for name: String?) -> String {
        guard let name, name != settings.provider else { return settings.model }
        return ProviderFactory.defaultModel(for: name, settings: settings)
    }
}
