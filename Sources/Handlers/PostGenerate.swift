#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
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
    /// answers with the pending job; every generation endpoint ends here. The job pins the template's name,
    /// version, kind and content hash too: the consumer refuses to render a template that changed since.
    static func accept(_ generation: GenerationRequest, context: HandlerContext) throws -> Response {
        var generation = generation
        let connection = try context.connection()
        // Another key's template or dataset reads as absent, as if it did not exist.
        let owner = context.visibleOwner
        _ = try TemplatePinning.pin(&generation) { TemplateStore(connection, visibleTo: owner) }
        try DedupDatasetResolution.resolve(&generation, store: DatasetStore(connection, visibleTo: owner))
        let job = NewJob(kind: "generate", params: generation.params, maxAttempts: context.settings.maxAttempts,
            ownerKeyID: context.caller?.id)
        let record = try connection.transaction { connection in
            if let caller = context.caller { try Self.admit(generation.count, for: caller.id, connection) }
            let record = try JobStore(connection).enqueue(job)
            try AuditStore(connection).append(
                AuditEntry(
                    actor: context.actor, action: "job.created", subjectType: "job", subjectID: job.id.sqlText,
                    requestID: context.requestID, details: ["kind": .string(job.kind), "params": job.params]))
            return record
        }
        return .json(JobView.job(record, samples: nil))
    }

    /// Refuses the job with a 429 when it would break one of the key's quotas. The key's row stays locked
    /// until the job is stored, so concurrent requests of one key cannot all pass the same check.
    static func admit(_ samples: Int, for keyID: String, _ connection: Connection) throws {
        let store = APIKeyStore(connection)
        guard let limits = try store.lockLimits(id: keyID), limits != .unlimited else { return }
        if let refusal = limits.exceeded(by: try store.usage(id: keyID), requesting: samples, at: Date()) {
            throw APIError.quotaExceeded(refusal)
        }
    }
}
