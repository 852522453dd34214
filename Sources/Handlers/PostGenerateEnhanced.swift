import Shared

/// `POST /api/generate-enhanced`: the generate body plus the query's controls (sentiment, tone, few-shot,
/// quality filter and its threshold), stored in the job's params; returns the pending job.
struct PostGenerateEnhanced: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let generation = try GenerationRequest.validatedEnhanced(
            body: request.body, query: request.queryFields, maxCount: context.settings.maxSamplesPerRequest,
            catalog: ModelCatalog(settings: context.settings))
        return try PostGenerate.accept(generation, context: context)
    }
}
