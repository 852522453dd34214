#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which earlier samples a sample is compared with: those of its job (the default), of its dataset, or all.
///
/// Scopes are separate indexes: a sample recorded under one scope is never a duplicate's original under
/// another, so a caller that wants several scopes checks (and records) the sample under each.
public enum DedupScope: Sendable, Hashable {
    case job(UUID)
    case dataset(UUID)
    case global

    /// The `scope_kind` column.
    var kind: String {
        switch self {
        case .job: "job"
        case .dataset: "dataset"
        case .global: "global"
        }
    }

    /// The `scope_id` column: the nil UUID for `global`, so the unique key has no NULLs.
    var id: UUID {
        switch self {
        case .job(let id), .dataset(let id): id
        case .global: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        }
    }
}
