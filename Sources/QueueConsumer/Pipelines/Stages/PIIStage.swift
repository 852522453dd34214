import Shared

/// Finds personal data and applies the policy: redact it from the text, reject the sample, or only record it.
struct PIIStage: PipelineStage {
    let policy: PIIPolicy
    private let scanner = PIIScanner()

    init(policy: PIIPolicy) {
        self.policy = policy
    }

    func run(_ draft: SampleDraft) -> SampleDraft {
        guard policy != .off else { return draft }
        let scan = scanner.scan(draft.text)
        guard !scan.isClean else { return draft }
        var draft = draft
        draft.pii = scan.kinds
        switch policy {
        case .redact: draft.text = scan.redacting(draft.text)
        case .reject: draft.localReasons.append(.containsPII(scan.kinds))
        case .off: break
        }
        return draft
    }
}
