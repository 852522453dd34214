/// Builds the configured provider.
public enum ProviderFactory {
    public static func make(_ settings: Settings) -> any Provider {
        OfflineProvider(
            model: settings.model, latency: .milliseconds(settings.offlineLatencyMilliseconds))
    }
}
