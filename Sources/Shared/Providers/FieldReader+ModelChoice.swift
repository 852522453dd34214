extension FieldReader {
    /// Reads the optional `provider` and `model` fields and resolves them against `catalog`; nil after recording
    /// a failure that names the field.
    public mutating func modelChoice(_ catalog: ModelCatalog) -> ModelChoice? {
        allowAbsent("provider", "model")
        let provider = string("provider", default: nil, length: 1...64)
        let model = string("model", default: nil, length: 1...ModelName.maxLength)
        guard !hasFailed("provider"), !hasFailed("model") else { return nil }
        return catalog.resolve(provider: provider, model: model, reader: &self)
    }
}
