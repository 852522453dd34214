import Foundation
import Logging
@testable import QueueConsumer
import Shared

/// A generation run with no database: the offline provider (or OpenAI, for priced calls; nothing is sent),
/// an in-memory outbox, and the clock the test passes in.
struct RunFixture {
    let run: PipelineRun
    let outbox: SampleOutbox
    let start: ContinuousClock.Instant

    init(
        _ request: GenerationRequest, environment: [String: String] = [:], resume: ResumePoint = .fresh,
        attempt: Int = 1, cancelRequested: Bool = false
    ) throws {
        outbox = SampleOutbox()
        start = .now
        let context = try Self.context(
            request, environment: environment, attempt: attempt, cancelRequested: cancelRequested, outbox: outbox)
        run = PipelineRun(context, template: Self.template(of: request), resume: resume, now: start)
    }

    /// What a run of `request` is given: settings from `environment`, a job claimed for the `attempt`th time.
    static func context(
        _ request: GenerationRequest, environment: [String: String] = [:], attempt: Int = 1,
        cancelRequested: Bool = false, outbox: SampleOutbox
    ) throws -> RunContext {
        // One sample per call unless a test asks for more: most tests follow single calls.
        let settings = try Settings(
            environment: ["OPENAI_API_KEY": "sk-test", "DATAFORGE_SAMPLES_PER_CALL": "1"].merging(environment) { $1 })
        // Accepted jobs always pin their provider and model; the offline one unless the test names another.
        var request = request
        request.provider = request.provider ?? "offline"
        request.model = request.model ?? "offline-v1"
        let job = ClaimedJob(
            id: UUID(), kind: "generate", params: request.params, attempt: attempt, maxAttempts: 5,
            cancelRequested: cancelRequested, createdAt: Date())
        return RunContext(
            job: job, settings: settings, providers: ProviderSet(settings: settings), prices: settings.prices,
            samples: outbox, renderers: RendererCache(), logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
    }

    static func template(of request: GenerationRequest) -> PromptTemplate? {
        PromptTemplate.builtIn(name: request.templateName, version: request.version)
    }

    /// The indices of the samples waiting in the outbox, once the run put its answers through the stages (as
    /// the claim loop has it do before each wait).
    var unwritten: [Int] {
        run.processDrafts()
        return outbox.candidates.map(\.draft.index)
    }

    /// Writes the outbox as the claim loop would with an index that finds no duplicate: a sample is kept when
    /// it passed its local checks and `rejecting` does not name it.
    func write(rejecting: Set<Int> = [], now: ContinuousClock.Instant) {
        run.processDrafts()
        let recorded = outbox.candidates.map { candidate in
            RecordedSample(
                jobID: candidate.jobID, index: candidate.draft.index,
                kept: candidate.draft.passesLocally && !rejecting.contains(candidate.draft.index),
                text: candidate.draft.text)
        }
        outbox.discard()
        run.recorded(recorded, now: now)
    }

    /// The event of `call` answered with a short text.
    static func answered(_ call: PlannedCall, text: String = "An answer about the product.") -> CallEvent {
        CallEvent(
            call: call, result: .success(Completion(text: text, inputTokens: 40, outputTokens: 8, model: call.request.model)),
            latencyMilliseconds: 5, cached: false, remote: true, rateLimits: nil)
    }

    /// The event of `call` failing as `kind`.
    static func failed(_ call: PlannedCall, _ kind: ProviderError.Kind) -> CallEvent {
        CallEvent(
            call: call, result: .failure(ProviderError(kind, httpStatus: 500, message: "the provider failed")),
            latencyMilliseconds: 5, cached: false, remote: true, rateLimits: nil)
    }
}
