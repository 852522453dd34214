/// What the de-duplication index answered about one sample: the verdict, and how similar the most similar
/// recorded sample it compared it with is.
public struct DedupAnswer: Sendable, Equatable {
    public var verdict: DedupVerdict
    /// Exact shingle Jaccard similarity with the nearest recorded sample sharing a band key: 1 for an exact
    /// duplicate, at least the threshold for a near one, below it for a unique sample; nil when no recorded
    /// sample shares a band key (nothing alike).
    public var nearestJaccard: Double?

    public init(verdict: DedupVerdict, nearestJaccard: Double?) {
        self.verdict = verdict
        self.nearestJaccard = nearestJaccard
    }

    /// What the quality score counts as uniqueness: 1 − the nearest similarity, 1 when nothing is alike.
    public var uniqueness: Double { 1 - min(max(nearestJaccard ?? 0, 0), 1) }
}
