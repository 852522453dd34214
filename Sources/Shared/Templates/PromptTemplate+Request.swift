extension PromptTemplate {
    /// The built-in template of `kind` at `version`, or nil when that version does not exist.
    public init?(kind: SampleKind, version: String) {
        guard let template = Self.builtIn(name: kind.rawValue, version: version) else { return nil }
        self = template
    }

    /// The messages for sample `index` of `request` with a fixed seed, for estimates that need a
    /// representative prompt rather than the job's own.
    public func messages(for request: GenerationRequest, index: Int) -> [ChatMessage] {
        let controls = PromptControls(
            product: request.product, sentimentIntensity: request.sentimentIntensity, tone: request.tone)
        do {
            return try PromptRenderer(self).prompt(controls, index: index, seed: 0).messages
        } catch {
            return []
        }
    }
}
