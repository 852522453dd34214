#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A named dataset, with how many versions it has.
public struct Dataset: Sendable, Equatable {
    public var id: UUID
    public var name: String
    public var description: String
    public var createdAt: Date
    public var createdBy: String
    public var versionCount: Int
    /// The newest version's number; nil before the first commit.
    public var latestVersion: Int?

    /// 1…100 letters, digits, `-`, `_` and `.`, as the table's check allows.
    public static func isValidName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard (1...100).contains(scalars.count) else { return false }
        return scalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_" || scalar == "."
        }
    }

    init(row: Row) throws(DatabaseError) {
        id = try row.decode("id")
        name = try row.decode("name")
        description = try row.decode("description")
        createdAt = try row.decode("created_at")
        createdBy = try row.decode("created_by")
        versionCount = try row.decode("version_count")
        latestVersion = try row.decodeIfPresent("latest_version")
    }
}
