import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The result a generation job stores: totals over its samples and its provider calls, so the tokens and
/// cost it reports are exactly the sums over its `llm_calls`.
enum JobTotals {
    /// - Parameter requested: The job's count; a job that kept fewer (its allowance of replacements spent)
    ///   says by how many.
    static func result(
        jobID: UUID, attempt: Int, requested: Int, provider: String, model: String, extra: JSONObject = [:],
        connection: Connection
    ) throws(DatabaseError) -> JSONValue {
        let samples = try SampleStore(connection).totals(jobID: jobID)
        let usage = try LLMCallStore(connection).totals(jobID: jobID)
        let filter = try SampleStore(connection).qualityStats(jobID: jobID)
        var metadata: JSONObject = [
            "provider": .string(provider), "model": .string(model),
            "tokens_in": .int(usage.tokensIn), "tokens_out": .int(usage.tokensOut),
            "cost_usd": .double(Double(usage.costUSD) ?? 0), "llm_calls": .int(usage.calls),
            "attempts": .int(attempt), "requested_samples": .int(requested),
            "shortfall": .int(max(0, requested - samples.originals)), "filter_stats": filter.json,
        ]
        for (key, value) in extra.members { metadata[key] = value }
        return [
            "totals": ["samples": .int(samples.samples), "tokens_estimated": .int(samples.tokens)],
            "metadata": .object(metadata),
        ]
    }
}
