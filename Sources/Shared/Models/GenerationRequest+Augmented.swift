extension GenerationRequest {
    /// Validates an augmented generation: the body and enhanced controls as `validatedEnhanced` does, and the
    /// augmentation query (`augmentation_strategies`, `augment_ratio`, `variants_per_sample`,
    /// `max_augmentation_calls`, `judge`).
    ///
    /// `strategyValues` are every value of the repeated `augmentation_strategies`.
    public static func validatedAugmented(
        body: [UInt8], query: JSONObject, strategyValues: [String], maxCount: Int, catalog: ModelCatalog = .offline
    ) throws(APIError) -> GenerationRequest {
        try withAugmentation(query: query, strategyValues: strategyValues) { () throws(APIError) in
            try validatedEnhanced(body: body, query: query, maxCount: maxCount, catalog: catalog)
        }
    }

    /// The request `validating` returns with the query's augmentation set.
    ///
    /// A bad strategy is the earlier service's 400 before anything else is checked, since it checked strategies
    /// first; other failures are one 422, those of `validating` first, then the augmentation query's.
    public static func withAugmentation(
        query: JSONObject, strategyValues: [String], validating: () throws(APIError) -> GenerationRequest
    ) throws(APIError) -> GenerationRequest {
        let strategies = try AugmentationStrategy.parse(AugmentationRequest.strategyNames(strategyValues)).get()
        var reader = FieldReader(source: .query, fields: query)
        let augmentation = AugmentationRequest.read(strategies: strategies, from: &reader)
        var request: GenerationRequest
        do {
            request = try validating()
        } catch {
            guard case .validation(let earlier) = error else { throw error }
            throw .validation(earlier + reader.errors)
        }
        guard let augmentation else { throw .validation(reader.errors) }
        request.augmentation = augmentation
        return request
    }
}
