/// What an API key may do: `read` (GET), `write` (create and cancel), `admin` (keys, audit; implies the others).
public enum KeyScope: String, Sendable, CaseIterable, Comparable {
    case read, write, admin

    public static func < (lhs: KeyScope, rhs: KeyScope) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Parses `read,write`; nil when a name is unknown or the list is empty.
    public static func parseList(_ text: String) -> Set<KeyScope>? {
        var scopes: Set<KeyScope> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let scope = KeyScope(rawValue: String(name.filter { $0 != " " }).lowercased()) else { return nil }
            scopes.insert(scope)
        }
        return scopes.isEmpty ? nil : scopes
    }

    /// The list as stored and printed, in a fixed order.
    public static func listText(_ scopes: Set<KeyScope>) -> String {
        scopes.sorted().map(\.rawValue).joined(separator: ",")
    }
}
