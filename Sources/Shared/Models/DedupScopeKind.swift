/// The de-duplication scope a generation request asks for, before the job it names exists.
///
/// `DedupScope` is the resolved scope (`job` with the job's id, `dataset` with the request's dataset).
public enum DedupScopeKind: String, Sendable, CaseIterable {
    case job
    case dataset
    case global
}
