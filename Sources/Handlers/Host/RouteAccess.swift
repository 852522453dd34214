import Shared

/// Who may call a route when the API asks for keys: anyone, or a key with a scope.
enum RouteAccess: Sendable, Equatable {
    case open
    case scope(KeyScope)

    /// Reads need `read`, changes `write`; the keys and the audit trail are `admin`'s alone.
    static func standard(method: String, pattern: String) -> RouteAccess {
        if pattern.hasPrefix("/api/keys") || pattern.hasPrefix("/api/audit") { return .scope(.admin) }
        return .scope(method == "GET" || method == "HEAD" ? .read : .write)
    }
}
