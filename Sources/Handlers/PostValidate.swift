import Shared

/// `POST /api/validate`: the checks and estimates of a generation request, without creating a job.
///
/// Schema errors are a 422 as for generate; semantic problems (an unknown template version) make
/// `valid` false in a 200, as the earlier service did. `estimated_tokens.method` says how the input was
/// counted: `bpe:o200k_base` or `bpe:cl100k_base` with the model's tokenizer, else `approximate`. With the
/// augmentation query of `generate-augmented`, the estimate includes the augmentation calls.
struct PostValidate: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let settings = context.settings
        let validateBody = { () throws(APIError) in
            try GenerationRequest.validated(
                body: request.body, maxCount: settings.maxSamplesPerRequest, catalog: ModelCatalog(settings: settings))
        }
        // The augmentation query of `generate-augmented`, when given, is checked as there and estimated.
        var generation = request.query.contains { AugmentationRequest.queryFields.contains($0.name) }
            ? try GenerationRequest.withAugmentation(
                query: request.queryFields, strategyValues: request.queryValues(AugmentationRequest.strategiesField),
                validating: validateBody)
            : try validateBody()
        var errors: [JSONValue] = []
        var warnings: [JSONValue] = []
        var template: PromptTemplate?
        do {
            template = try TemplatePinning.pin(&generation) {
                TemplateStore(try context.connection(), visibleTo: context.visibleOwner)
            }
        } catch APIError.badRequest(let message) {
            errors.append(.string(message))
        } catch is DatabaseError {
            // Validation works without the database: built-in templates are still checked.
            template = PromptTemplate.builtIn(name: generation.templateName, version: generation.version)
            if template == nil {
                errors.append(.string("Template '\(generation.templateName)' \(generation.version) could not be checked"))
            }
        }
        let provider = generation.provider ?? settings.provider
        let model = generation.model ?? settings.model
        var estimate = CostEstimate(generation, template: template, model: model, settings: settings)
        // The cluster's budget paces the calls: asked of the database, which also knows the last minute's
        // latency; without it, the duration rests on the job's own concurrency and a typical latency.
        let budget = (try? context.connection()).map(RateBudgetStore.init)
        let latency = (try? budget?.status(staleSeconds: settings.consumerStaleSeconds))?
            .first { $0.provider == provider && $0.model == model }?.meanLatencyMilliseconds
        let pace = try? budget?.preview(
            provider: provider, model: model, calls: estimate.calls,
            inputTokens: estimate.inputTokens / max(1, estimate.calls),
            outputTokens: TokenEstimator.sampleMaxOutputTokens,
            utilisation: settings.rateUtilisation, staleSeconds: settings.consumerStaleSeconds)
        estimate.estimateDuration(
            calls: estimate.calls, provider: provider, meanLatencyMilliseconds: latency ?? 0, pace: pace,
            settings: settings)
        if generation.count > 20 { warnings.append("Large sample count may take longer to generate") }
        if estimate.costUSD > 1 { warnings.append(.string("Estimated cost exceeds $1.00")) }
        if let limit = generation.maxCostUSD, estimate.costUSD > limit {
            warnings.append(.string("Estimated cost exceeds max_cost_usd: the job will stop before its last samples"))
        }
        if !estimate.modelIsPriced { warnings.append(.string("No price is known for model '\(model)'")) }
        return .json([
            "timestamp": .string(RFC3339.format(.now)), "request": generation.echo,
            "validation": [
                "valid": .bool(errors.isEmpty), "errors": .array(errors), "warnings": .array(warnings),
                "estimated_cost": .double(estimate.costUSD), "estimated_duration": .double(estimate.durationSeconds),
                "provider": .string(provider), "model": .string(model),
                "estimated_tokens": estimatedTokens(estimate, augmented: generation.augmentation != nil),
            ],
        ])
    }

    /// `estimated_tokens`; an augmented request's also names the augmentation calls counted in it.
    private func estimatedTokens(_ estimate: CostEstimate, augmented: Bool) -> JSONValue {
        var object: JSONObject = [
            "input": .int(estimate.inputTokens), "output": .int(estimate.outputTokens),
            "method": .string(estimate.inputCountMethod),
        ]
        if augmented { object["augmentation_calls"] = .int(estimate.augmentationCalls) }
        return .object(object)
    }
}
