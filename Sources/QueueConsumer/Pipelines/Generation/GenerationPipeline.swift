import Shared

#if canImport(Glibc)
import Glibc
#endif

/// Generates a job's samples one by one, storing each as it arrives, and resuming where an earlier run
/// stopped: indices already stored are skipped.
struct GenerationPipeline: Pipeline {
    /// In-process retries of one call before the job itself is retried later.
    static let callAttempts = 3
    static let callBackoff = RetryPolicy(baseSeconds: 0.5, capSeconds: 8)

    func run(context: JobContext) throws(DatabaseError) -> JobOutcome? {
        guard let request = GenerationRequest(params: context.job.params) else {
            return .failed(reason: "The job's parameters are invalid", result: [:])
        }
        guard let template = PromptTemplate(kind: request.template, version: request.version) else {
            return .failed(reason: "Template \(request.template.rawValue) \(request.version) does not exist", result: [:])
        }
        let generator = SampleGenerator(
            request: request, template: template, jobID: context.job.id, provider: context.provider,
            model: context.settings.model)
        let samples = SampleStore(context.connection)
        var done = try samples.indices(of: context.job.id)
        for index in 0..<request.count where !done.contains(index) {
            switch try context.checkpoint() {
            case .leaseLost: return nil
            case .cancelRequested: return .cancelled(result: try JobTotals.result(for: context))
            case .stopping: return .postpone(delaySeconds: 0, reason: "consumer stopped")
            case .proceed: break
            }
            if let outcome = try produce(index: index, generator: generator, context: context) { return outcome }
            done.insert(index)
            try context.recordProgress(min(99, done.count * 100 / request.count))
        }
        return .completed(result: try JobTotals.result(for: context))
    }

    /// Produces and stores sample `index`, retrying transient failures; returns an outcome only when the
    /// job must end or wait.
    private func produce(index: Int, generator: SampleGenerator, context: JobContext) throws(DatabaseError)
        -> JobOutcome?
    {
        let calls = LLMCallStore(context.connection)
        for attempt in 1...Self.callAttempts {
            let result = generator.generate(index: index, attempt: attempt, consumerID: context.consumerID)
            try calls.record(result.call)
            if let sample = result.sample {
                try SampleStore(context.connection).insertIfOwned(
                    sample, template: sample.kind.rawValue, owner: context.consumerID)
                return nil
            }
            guard let error = result.error else { return nil }
            switch error.kind {
            case .fatal:
                return .failed(reason: "The provider refused the request: \(error.message)", result: try JobTotals.result(for: context))
            case .rateLimited(let retryAfter):
                return .postpone(delaySeconds: retryAfter ?? 30, reason: "Rate limited by the provider")
            case .retryable where attempt < Self.callAttempts:
                context.logger.warning("provider call failed, retrying", metadata: ["error": "\(error.message)"])
                sleep(seconds: Self.callBackoff.delay(afterAttempt: attempt))
            case .retryable:
                return .retry(
                    delaySeconds: RetryPolicy.jobDefault.delay(afterAttempt: context.job.attempt),
                    reason: "The provider failed \(Self.callAttempts) times: \(error.message)")
            }
        }
        return nil
    }

    private func sleep(seconds: Double) {
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && !StopSignal.isRequested { request = remaining }
    }
}
