import Shared

/// The local half of de-duplication: the content hash, shingles and LSH band keys of the text, computed before
/// (and outside) the writer's transaction, which asks the index.
struct FingerprintStage: PipelineStage {
    func run(_ draft: SampleDraft) -> SampleDraft {
        var draft = draft
        draft.fingerprint = DedupFingerprint(text: draft.text)
        return draft
    }
}
