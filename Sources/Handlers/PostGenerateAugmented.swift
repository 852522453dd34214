import Shared

/// `POST /api/generate-augmented`: an enhanced generation whose kept samples are then augmented as the query
/// asks (strategies, ratio, variants per sample, a call budget, the similarity judge); returns the pending job.
struct PostGenerateAugmented: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let generation = try GenerationRequest.validatedAugmented(
            body: request.body, query: request.queryFields,
            strategyValues: request.queryValues(AugmentationRequest.strategiesField),
            maxCount: context.settings.maxSamplesPerRequest, catalog: ModelCatalog(settings: context.settings))
        return try PostGenerate.accept(generation, context: context)
    }
}
