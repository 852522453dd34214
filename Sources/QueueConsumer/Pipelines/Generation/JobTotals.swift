import Shared

/// The result a finished generation job stores: totals over its samples and its provider calls.
enum JobTotals {
    static func result(for context: JobContext) throws(DatabaseError) -> JSONValue {
        let samples = try SampleStore(context.connection).totals(jobID: context.job.id)
        let usage = try LLMCallStore(context.connection).totals(jobID: context.job.id)
        return [
            "totals": ["samples": .int(samples.samples), "tokens_estimated": .int(samples.tokens)],
            "metadata": [
                "provider": .string(context.provider.name), "model": .string(context.settings.model),
                "tokens_in": .int(usage.tokensIn), "tokens_out": .int(usage.tokensOut),
                "cost_usd": .double(Double(usage.costUSD) ?? 0), "llm_calls": .int(usage.calls),
                "attempts": .int(context.job.attempt),
            ],
        ]
    }
}
