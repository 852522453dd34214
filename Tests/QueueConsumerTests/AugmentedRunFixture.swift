import Foundation
@testable import QueueConsumer
import Shared

/// An augmented run driven to its end with no database: the offline provider answers every call (or `answer`
/// does), and the outbox is written as the claim loop would with an index that finds no duplicate.
final class AugmentedRunFixture {
    let run: AugmentedRun
    let outbox = SampleOutbox()
    let jobID: UUID
    let base: Int
    private(set) var calls: [PlannedCall] = []
    private(set) var written: [SampleCandidate] = []

    init(_ request: GenerationRequest, resume: ResumePoint = .fresh, augmentation: AugmentationResume = .fresh) throws {
        let context = try RunFixture.context(request, environment: ["DATAFORGE_SAMPLES_PER_CALL": "5"], outbox: outbox)
        jobID = context.job.id
        base = PipelineRun.indexLimit(count: request.count)
        run = AugmentedRun(
            context, template: RunFixture.template(of: request), resume: resume, augmentation: augmentation,
            base: base)
    }

    /// Turns until the run ends (or `turns` run out): stages, writes, calls, answers.
    func drive(
        turns: Int = 200, answer: (PlannedCall) -> CallEvent = AugmentedRunFixture.offline,
        cost: (PlannedCall) -> Double = { _ in 0 }
    ) {
        for _ in 0..<turns where run.end == nil {
            write()
            let next = run.nextCalls(limit: 8, now: .now)
            calls += next
            for call in next { run.handle(answer(call), costUSD: cost(call), now: .now) }
        }
        // As the claim loop does, what the outbox still holds (rejected samples) is written before the end is.
        write()
    }

    private func write() {
        run.processDrafts()
        let batch = outbox.candidates
        outbox.discard()
        written += batch
        run.recorded(
            batch.map { RecordedSample(jobID: jobID, index: $0.draft.index, kept: $0.draft.passesLocally, text: $0.draft.text) },
            now: .now)
    }

    /// The variants written, by sample index.
    var variants: [Int: SampleDraft] {
        Dictionary(written.filter { $0.draft.lineage != nil }.map { ($0.draft.index, $0.draft) }) { $1 }
    }

    var augmentationCalls: [PlannedCall] { calls.filter { $0.purpose == .augmentation } }

    /// The offline provider's answer, whichever provider the call is for (requests are provider-neutral).
    static func offline(_ call: PlannedCall) -> CallEvent {
        guard case .local(let result, _) = OfflineProvider().prepare(call.request) else {
            return RunFixture.failed(call, .fatal)
        }
        return CallEvent(call: call, result: result, latencyMilliseconds: 1, cached: false, remote: false, rateLimits: nil)
    }
}
