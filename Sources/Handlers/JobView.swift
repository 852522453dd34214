import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The JSON shapes of jobs and samples shared by the job endpoints.
enum JobView {
    /// `{job_id, status, created_at, updated_at, error_message, progress, result}`; `result` is set once the
    /// job is completed, or with the partial samples of a cancelled or failed job. `errors` is ours, added to
    /// the earlier service's shape: every failed attempt's `{attempt, at, message}`, oldest first.
    static func job(_ job: JobRecord, samples: [Sample]?) -> JSONValue {
        var result: JSONValue = .null
        if let samples, job.state == .completed || !samples.isEmpty {
            result = [
                "samples": .array(samples.map(sample)), "total_samples": .int(samples.count),
                "total_tokens_estimated": .int(samples.reduce(0) { $0 + $1.tokensEstimated }),
                "metadata": job.result?["metadata"] ?? [:],
            ]
        }
        return [
            "job_id": .string(job.id.sqlText), "status": .string(job.state.rawValue),
            "created_at": .string(RFC3339.format(job.createdAt)), "updated_at": .string(RFC3339.format(job.updatedAt)),
            "error_message": job.errorMessage.map(JSONValue.string) ?? .null, "progress": .int(job.progress),
            "result": result, "errors": .array(job.errors.map(\.json)),
        ]
    }

    /// A job in a list: no samples, but its kind and parameters.
    static func summary(_ job: JobRecord) -> JSONValue {
        var object: JSONObject = [
            "job_id": .string(job.id.sqlText), "kind": .string(job.kind), "status": .string(job.state.rawValue),
            "created_at": .string(RFC3339.format(job.createdAt)), "updated_at": .string(RFC3339.format(job.updatedAt)),
            "progress": .int(job.progress), "error_message": job.errorMessage.map(JSONValue.string) ?? .null,
            "params": job.params, "errors": .array(job.errors.map(\.json)),
        ]
        object["totals"] = job.result?["totals"]
        return .object(object)
    }

    /// The earlier service's sample: `{id, product, prompt_version, generated_at, text, tokens_estimated,
    /// temperature, metadata}`.
    static func sample(_ sample: Sample) -> JSONValue {
        [
            "id": .string(sample.id.sqlText), "product": .string(sample.product),
            "prompt_version": .string(sample.promptVersion), "generated_at": .string(RFC3339.format(sample.generatedAt)),
            "text": .string(sample.text), "tokens_estimated": .int(sample.tokensEstimated),
            "temperature": .double(sample.temperature), "metadata": sample.metadata,
        ]
    }

    /// A sample with its index and quality decision, for `/api/jobs/{id}/samples`: `reasons` lists every
    /// reason with its details (`duplicate_of`, `jaccard`, …), `filter_reason` only their codes.
    static func detailedSample(_ sample: Sample) -> JSONValue {
        guard case .object(var object) = Self.sample(sample) else { return .null }
        object["idx"] = .int(sample.index)
        object["kind"] = .string(sample.kind.rawValue)
        object["provider"] = .string(sample.provider)
        object["model"] = .string(sample.model)
        object["kept"] = .bool(sample.kept)
        object["filter_reason"] = sample.filterReason.map(JSONValue.string) ?? .null
        object["quality"] = sample.quality
        object["reasons"] = sample.quality["reasons"] ?? []
        object["lineage"] = sample.lineage ?? .null
        return .object(object)
    }

    /// Parses a job id from the path; any other string is an unknown job (404), as before.
    static func jobID(_ request: Request) throws(APIError) -> UUID {
        let text = request.pathParameters["job_id"] ?? ""
        guard let id = UUID(text: text) else { throw .notFound("Job \(text) not found") }
        return id
    }
}
