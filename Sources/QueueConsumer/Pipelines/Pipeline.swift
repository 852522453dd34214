import Shared
import Logging

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One claimed job being run: it asks for provider calls, consumes their results as they arrive and ends with
/// a `RunEnd`. It computes only: the claim loop persists its samples, its calls and its end.
///
/// Many runs share the consumer's thread and its `CallDispatcher`, so a run never blocks and never touches the
/// database while it runs: a database error can then never leave a run half-updated, and a run is tested
/// with no database at all. A cancel or a shutdown takes effect between calls.
protocol JobRun: AnyObject {
    var job: ClaimedJob { get }
    /// Set once the run has ended and none of its calls is in flight (a cancel ends it at once); the claim
    /// loop then writes it and forgets the run.
    var end: RunEnd? { get }
    /// True once the run has decided how it ends and only waits for its calls in flight: it makes no new call,
    /// and the claim loop hands back its calls that were not sent yet (`withdraw`).
    var isWindingDown: Bool { get }
    /// Up to `limit` calls ready to be made now.
    func nextCalls(limit: Int, now: ContinuousClock.Instant) -> [PlannedCall]
    /// When the run can next start a call, or nil when nothing but a call ending can let it start one (its
    /// in-flight cap, its cost limit, a decided end, nothing left to do). The loop sleeps until then.
    var nextCallDue: ContinuousClock.Instant? { get }
    /// One of its calls ended, costing `costUSD`.
    func handle(_ event: CallEvent, costUSD: Double, now: ContinuousClock.Instant)
    /// Calls it planned that will not be sent after all (the dispatcher took them back unsent).
    func withdraw(_ calls: [PlannedCall])
    /// Runs the stages that compute locally over what its last answers brought (after the loop sent the calls
    /// replacing them).
    func processDrafts()
    /// Its samples the outbox wrote, each kept or rejected.
    func recorded(_ samples: [RecordedSample], now: ContinuousClock.Instant)
    /// 0…99 while running.
    var progress: Int { get }
    /// The user cancelled: end at once, keeping what was stored.
    func cancel()
    /// The consumer is stopping: make no new call, and give the job back once the calls in flight end.
    func stop()
    /// The result stored with the finished job, read after its samples and calls were written.
    func result(_ connection: Connection) throws(DatabaseError) -> JSONValue
}

/// How a run ended; the claim loop turns it into the `JobOutcome` it writes.
enum RunEnd: Equatable {
    case completed
    case cancelled
    case failed(reason: String)
    /// A transient failure: run the job again later, spending an attempt.
    case retry(delaySeconds: Double, reason: String)
    /// Run the job again later without spending an attempt (a long rate limit, a consumer stopping).
    case postpone(delaySeconds: Double, reason: String)

    /// Whether the job's result (totals read from the database) goes with the outcome.
    var carriesResult: Bool {
        switch self {
        case .completed, .cancelled, .failed: true
        case .retry, .postpone: false
        }
    }

    func outcome(result: JSONValue) -> JobOutcome {
        switch self {
        case .completed: .completed(result: result)
        case .cancelled: .cancelled(result: result)
        case .failed(let reason): .failed(reason: reason, result: result)
        case .retry(let delay, let reason): .retry(delaySeconds: delay, reason: reason)
        case .postpone(let delay, let reason): .postpone(delaySeconds: delay, reason: reason)
        }
    }
}

/// What a run may use: its job and the consumer's configuration. No connection: runs compute only.
struct RunContext {
    let job: ClaimedJob
    let settings: Settings
    let providers: ProviderSet
    let prices: PriceTable
    /// Where runs leave their samples; the claim loop writes them.
    let samples: SampleOutbox
    /// Prompt renderers shared by the consumer's runs.
    let renderers: RendererCache
    var logger: Logger
}

/// The runs by job kind.
enum Pipelines {
    /// Starts the run of a claimed job, reading where an earlier run of it stopped.
    static func start(_ context: RunContext, connection: Connection) throws(DatabaseError) -> any JobRun {
        switch context.job.kind {
        case "generate":
            let request = GenerationRequest(params: context.job.params)
            if let waiting = try waitForDatasetIndex(
                request, job: context.job, maxAttempts: context.settings.maxAttempts, connection: connection)
            {
                return waiting
            }
            let template = try request.flatMap { request throws(DatabaseError) in
                try TemplateStore(connection).resolve(name: request.templateName, version: request.version)
            }
            let resume = try ResumePoint(jobID: context.job.id, connection: connection)
            guard let count = request?.count, request?.augmentation != nil else {
                return PipelineRun(context, template: template, resume: resume)
            }
            let base = PipelineRun.indexLimit(count: count)
            let augmentation = try AugmentationResume(jobID: context.job.id, base: base, resume: resume, connection: connection)
            return AugmentedRun(context, template: template, resume: resume, augmentation: augmentation, base: base)
        case DedupIndexStore.jobKind:
            guard let datasetID = NewJob.datasetIndexTarget(context.job.params) else {
                return FinishedRun(job: context.job, end: .failed(reason: "The job's params name no dataset_id"))
            }
            return DatasetIndexRun(job: context.job, datasetID: datasetID)
        case "noop": return FinishedRun(job: context.job, end: .completed)
        default: return FinishedRun(job: context.job, end: .failed(reason: "Unknown job kind \(context.job.kind)"))
        }
    }
}

extension Pipelines {
    /// How long a job de-duplicating against a dataset waits before looking at its index again.
    static let datasetIndexWaitSeconds = 2.0

    /// A job de-duplicating against a dataset whose index is behind its latest version would silently miss
    /// the samples not indexed yet: it is postponed (no attempt spent) until the `dataset_index` job catches
    /// up. nil when it may run; a cancelled job runs, to end as cancelled rather than wait.
    ///
    /// The waiting job also makes sure a `dataset_index` job is coming: the commit's may have been cancelled or
    /// spent its attempts, and without one the wait would never end.
    static func waitForDatasetIndex(
        _ request: GenerationRequest?, job: ClaimedJob, maxAttempts: Int, connection: Connection
    ) throws(DatabaseError) -> FinishedRun? {
        guard !job.cancelRequested, let request, request.dedupScope == .dataset, let datasetID = request.datasetID
        else { return nil }
        let index = DedupIndexStore(connection)
        let state = try index.state(datasetID: datasetID)
        guard !state.isCurrent else { return nil }
        try index.requestIndexing(datasetID: datasetID, maxAttempts: maxAttempts)
        let name = try DatasetStore(connection).name(id: datasetID) ?? datasetID.sqlText
        let reason = "waiting for the de-duplication index of dataset \(name) (version \(state.latestVersion))"
        return FinishedRun(job: job, end: .postpone(delaySeconds: datasetIndexWaitSeconds, reason: reason))
    }
}

/// What earlier runs of a job left: the samples stored (kept or rejected) and the money spent.
struct ResumePoint: Equatable {
    var storedIndices: Set<Int>
    var keptIndices: Set<Int>
    var spentUSD: Double

    static let fresh = ResumePoint(storedIndices: [], spentUSD: 0)

    init(storedIndices: Set<Int>, keptIndices: Set<Int>? = nil, spentUSD: Double) {
        self.storedIndices = storedIndices
        self.keptIndices = keptIndices ?? storedIndices
        self.spentUSD = spentUSD
    }

    /// The part of it below `limit`: an augmented job's originals without its variants.
    func restricted(below limit: Int) -> ResumePoint {
        ResumePoint(
            storedIndices: storedIndices.filter { $0 < limit }, keptIndices: keptIndices.filter { $0 < limit },
            spentUSD: spentUSD)
    }

    init(jobID: UUID, connection: Connection) throws(DatabaseError) {
        (storedIndices, keptIndices) = try SampleStore(connection).indices(of: jobID)
        spentUSD = Double(try LLMCallStore(connection).totals(jobID: jobID).costUSD) ?? 0
    }
}

/// A run that ended as it started: no-op jobs (queue benchmarks measure the queue alone with them) and jobs
/// that cannot run.
final class FinishedRun: CallFreeRun {
    let job: ClaimedJob
    let end: RunEnd?

    init(job: ClaimedJob, end: RunEnd) {
        self.job = job
        self.end = end
    }

    var progress: Int { 100 }
    func cancel() {}
    func stop() {}
    func result(_ connection: Connection) -> JSONValue { [:] }
}
