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
    /// Another job held the dataset's row: nothing was done, and this job may come back later.
    public var isBusy: Bool

    public init(
        forgotten: Int = 0, recorded: Int = 0, completedVersion: Int? = nil, isIdle: Bool = false, isBusy: Bool = false
    ) {
        self.forgotten = forgotten
        self.recorded = recorded
        self.completedVersion = completedVersion
        self.isIdle = isIdle
        self.isBusy = isBusy
    }

    public static let idle = DedupIndexPage(isIdle: true)
    public static let busy = DedupIndexPage(isBusy: true)
}
