import Shared

/// Runs one kind of job to its outcome; nil when the lease was lost and nothing more may be written.
///
/// Implementations persist as they go (each sample as it is produced) and check `context.checkpoint()`
/// between units of work, so a cancel or a shutdown takes effect within one sample.
protocol Pipeline {
    func run(context: JobContext) throws(DatabaseError) -> JobOutcome?
}

/// The pipelines by job kind.
enum Pipelines {
    static func pipeline(for kind: String) -> (any Pipeline)? {
        switch kind {
        case "generate": return GenerationPipeline()
        case "noop": return NoopPipeline()
        default: return nil
        }
    }
}

/// Completes at once: queue benchmarks measure the queue alone with it.
struct NoopPipeline: Pipeline {
    func run(context: JobContext) throws(DatabaseError) -> JobOutcome? {
        .completed(result: [:])
    }
}
