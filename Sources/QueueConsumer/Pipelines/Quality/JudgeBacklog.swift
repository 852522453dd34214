import Shared

/// Scored drafts waiting for the coherence judge, asked about in batches: when the next batch may go, and the
/// attempt it counts as after a failed one.
struct JudgeBacklog {
    private(set) var drafts: [SampleDraft] = []
    private(set) var due: ContinuousClock.Instant
    private(set) var attempt = 1

    init(now: ContinuousClock.Instant) {
        due = now
    }

    var isEmpty: Bool { drafts.isEmpty }
    var count: Int { drafts.count }

    mutating func add(_ draft: SampleDraft) {
        drafts.append(draft)
    }

    /// Whether a batch should go: a full one, or whatever waits once nothing `generating` can add to it.
    func isReady(generating: Bool) -> Bool {
        !drafts.isEmpty && (drafts.count >= JudgeStage.batchSize || !generating)
    }

    /// The next batch, taken out.
    mutating func takeBatch() -> [SampleDraft] {
        let batch = Array(drafts.prefix(JudgeStage.batchSize))
        drafts.removeFirst(batch.count)
        return batch
    }

    /// Puts a batch back first in line: its call was not sent, or failed and is tried again after `wait`.
    mutating func putBack(_ batch: [SampleDraft], retry: (at: ContinuousClock.Instant, attempt: Int)? = nil) {
        drafts.insert(contentsOf: batch, at: 0)
        if let retry { (due, attempt) = retry }
    }

    /// A batch was judged: the next one starts at the first attempt.
    mutating func succeeded() {
        attempt = 1
    }

    /// Everything waiting, taken out (the run ends: the drafts keep their heuristic coherence).
    mutating func drain() -> [SampleDraft] {
        defer { drafts.removeAll() }
        return drafts
    }
}
