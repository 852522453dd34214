/// What one page of bringing a dataset's scope up to date did (`DedupIndexStore.indexNextPage`).
public struct DedupIndexPage: Sendable, Equatable {
    /// Samples removed from the scope (dropped by their version).
    public var forgotten: Int
    /// Samples of a version checked into the scope.
    public var recorded: Int
    /// The version this page finished, if it did.
    public var completedVersion: Int?
    /// Nothing was left to do: the scope answered for the latest version already.
    public var isIdle: Bool

    public init(forgotten: Int = 0, recorded: Int = 0, completedVersion: Int? = nil, isIdle: Bool = false) {
        self.forgotten = forgotten
        self.recorded = recorded
        self.completedVersion = completedVersion
        self.isIdle = isIdle
    }

    public static let idle = DedupIndexPage(isIdle: true)
}
