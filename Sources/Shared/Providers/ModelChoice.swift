/// A provider and model a job runs with: resolved and checked when the job is accepted, then pinned in its
/// parameters, so the consumer runs exactly that.
public struct ModelChoice: Sendable, Equatable {
    public var provider: String
    public var model: String

    /// A choice of this provider and model.
    public init(provider: String, model: String) {
        self.provider = provider
        self.model = model
    }
}
