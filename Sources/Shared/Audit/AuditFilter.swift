#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which audit entries to list; nil members do not filter.
public struct AuditFilter: Sendable {
    /// Exact, or a prefix ending in `*` (`consumer:*`).
    public var actor: String?
    public var action: String?
    public var targetType: String?
    public var target: String?
    public var since: Date?
    public var until: Date?

    public init(
        actor: String? = nil, action: String? = nil, targetType: String? = nil, target: String? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.actor = actor
        self.action = action
        self.targetType = targetType
        self.target = target
        self.since = since
        self.until = until
    }
}
