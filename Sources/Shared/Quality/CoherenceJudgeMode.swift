/// When an LLM judges a sample's coherence (`DATAFORGE_COHERENCE_JUDGE`); otherwise a local heuristic does.
public enum CoherenceJudgeMode: String, Sendable, CaseIterable {
    /// Never: the heuristic only.
    case off
    /// About one sample in five, chosen by its index, to keep an eye on the heuristic.
    case sampled
    /// Only samples whose other scores leave them within `borderlineMargin` of the job's threshold, where the
    /// judgement decides (the default).
    case borderline

    /// How close to the threshold a sample's overall score must be for `borderline` to judge it.
    public static let borderlineMargin = 0.1

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
