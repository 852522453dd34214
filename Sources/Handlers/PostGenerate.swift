import Shared

/// `POST /api/generate`: validates, stores the job with its audit entry, and returns it at once (`pending`).
struct PostGenerate: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        // The job pins the resolved provider and model: the consumer runs exactly what was accepted here.
        let generation = try GenerationRequest.validated(
            body: request.body, maxCount: context.settings.maxSamplesPerRequest,
            catalog: ModelCatalog(settings: context.settings))
        return try Self.accept(generation, context: context)
    }

    /// Enqueues a validated generation as a `generate` job with its audit entry, in one transaction, and
    /// answers with the pending job; every generation endpoint ends here.
    static func accept(_ generation: GenerationRequest, context: HandlerContext) throws -> Response {
        guard PromptTemplate(kind: generation.template, version: generation.version) != nil else {
            throw APIError.badRequest(
                "Template '\(generation.template.rawValue)' has no version '\(generation.version)'. "
                    + "Available: \(PromptTemplate.builtInVersions.joined(separator: ", "))")
        }
        let job = NewJob(kind: "generate", params: generation.params, maxAttempts: context.settings.maxAttempts)
        let connection = try context.connection()
        let record = try connection.transaction { connection in
            let record = try JobStore(connection).enqueue(job)
            try AuditStore(connection).append(
                AuditEntry(
                    actor: "api", action: "job.created", subjectType: "job", subjectID: job.id.sqlText,
                    requestID: context.requestID, details: ["kind": .string(job.kind), "params": job.params]))
            return record
        }
        return .json(JobView.job(record, samples: nil))
    }
}
