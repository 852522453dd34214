#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A stored API key, without its secret.
public struct APIKey: Sendable {
    public var id: String
    public var name: String
    public var scopes: Set<KeyScope>
    public var createdAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?
    public var limits: KeyLimits

    init(row: Row) throws(DatabaseError) {
        id = try row.decode("id")
        name = try row.decode("name")
        let scopeText: String = try row.decode("scopes")
        scopes = KeyScope.parseList(scopeText) ?? []
        createdAt = try row.decode("created_at")
        revokedAt = try row.decodeIfPresent("revoked_at")
        lastUsedAt = try row.decodeIfPresent("last_used_at")
        limits = try KeyLimits(row: row)
    }

    /// Whether this key may act with `scope`; admin implies every scope.
    public func allows(_ scope: KeyScope) -> Bool {
        scopes.contains(.admin) || scopes.contains(scope)
    }
}
