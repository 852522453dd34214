/// The service's name and version, as `/` and `/api/health` report them.
public enum ServiceInfo {
    public static let name = "DataForge"
    public static let version = "0.1.0"
    public static let description = "Synthetic text dataset generation with large language models"
}
