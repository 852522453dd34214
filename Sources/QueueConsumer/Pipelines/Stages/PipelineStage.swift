/// One step of a job's pipeline (generate → score → dedup → PII → filter …): a value with one job.
///
/// Stages compute; the run drives them and the claim loop persists what they produce, so each is tested with no
/// database and no provider. Stages that need a provider (generation, the judge) plan calls and read the
/// answers instead (`GenerationStage`, `JudgeStage`); the de-duplication index answers through the writer.
protocol PipelineStage {
    associatedtype Input
    associatedtype Output
    func run(_ input: Input) -> Output
}
