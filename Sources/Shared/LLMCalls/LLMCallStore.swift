#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One provider request as recorded in `llm_calls`.
public struct LLMCall: Sendable {
    public var jobID: UUID?
    public var sampleIndex: Int?
    /// `generation`, `judge`, `augmentation`, `smoke_test`.
    public var purpose: String
    public var provider: String
    public var model: String
    public var promptHash: String
    /// `ok`, `cached`, `rate_limited`, `retryable` or `fatal`.
    public var status: String
    public var httpStatus: Int?
    public var tokensIn: Int
    public var tokensOut: Int
    /// USD as a decimal string, so no binary rounding reaches the `numeric` column.
    public var costUSD: String
    public var latencyMilliseconds: Double
    public var attempt: Int
    public var error: String?
    public var consumerID: String?
    /// false when the price table did not know the model, so the cost of 0 is not a price.
    public var priceKnown = true

    public init(
        jobID: UUID?, sampleIndex: Int?, purpose: String, provider: String, model: String, promptHash: String,
        status: String, httpStatus: Int?, tokensIn: Int, tokensOut: Int, costUSD: String,
        latencyMilliseconds: Double, attempt: Int, error: String?, consumerID: String?
    ) {
        self.jobID = jobID
        self.sampleIndex = sampleIndex
        self.purpose = purpose
        self.provider = provider
        self.model = model
        self.promptHash = promptHash
        self.status = status
        self.httpStatus = httpStatus
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.costUSD = costUSD
        self.latencyMilliseconds = latencyMilliseconds
        self.attempt = attempt
        self.error = error
        self.consumerID = consumerID
    }
}

/// Token and cost totals of a job's calls.
public struct LLMUsageTotals: Sendable, Equatable {
    public var tokensIn: Int
    public var tokensOut: Int
    /// USD as PostgreSQL's exact decimal text.
    public var costUSD: String
    public var calls: Int

    /// The result's member: calls, tokens and cost as a number.
    public var json: JSONValue {
        [
            "calls": .int(calls), "tokens_in": .int(tokensIn), "tokens_out": .int(tokensOut),
            "cost_usd": .double(Double(costUSD) ?? 0),
        ]
    }
}

extension LLMUsageTotals {
    init(_ row: Row) throws(DatabaseError) {
        self.init(
            tokensIn: try row.decode("tokens_in"), tokensOut: try row.decode("tokens_out"),
            costUSD: try row.decode("cost_usd"), calls: try row.decode("calls"))
    }
}

/// Provider calls on one connection.
public struct LLMCallStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Records calls in one statement.
    public func record(_ calls: [LLMCall]) throws(DatabaseError) {
        guard !calls.isEmpty else { return }
        let rows = JSONValue.array(calls.map { call in
            [
                "job_id": call.jobID.map { .string($0.sqlText) } ?? .null,
                "sample_idx": call.sampleIndex.map(JSONValue.int) ?? .null, "purpose": .string(call.purpose),
                "provider": .string(call.provider), "model": .string(call.model),
                "prompt_hash": .string(call.promptHash), "status": .string(call.status),
                "http_status": call.httpStatus.map(JSONValue.int) ?? .null, "tokens_in": .int(call.tokensIn),
                "tokens_out": .int(call.tokensOut), "cost_usd": .string(call.costUSD),
                "latency_ms": .double(call.latencyMilliseconds), "attempt": .int(call.attempt),
                "error": call.error.map(JSONValue.string) ?? .null,
                "consumer_id": call.consumerID.map(JSONValue.string) ?? .null, "price_known": .bool(call.priceKnown),
            ]
        })
        try connection.execute(LLMCallSQL.insertMany, [rows])
    }

    public func totals(jobID: UUID) throws(DatabaseError) -> LLMUsageTotals {
        guard let row = try connection.execute(LLMCallSQL.totalsByJob, [jobID]).first else {
            return LLMUsageTotals(tokensIn: 0, tokensOut: 0, costUSD: "0", calls: 0)
        }
        return try LLMUsageTotals(row)
    }

    /// A job's totals per call purpose; purposes it never called are absent.
    public func totalsByPurpose(jobID: UUID) throws(DatabaseError) -> [String: LLMUsageTotals] {
        var totals: [String: LLMUsageTotals] = [:]
        for row in try connection.execute(LLMCallSQL.totalsByJobAndPurpose, [jobID]) {
            totals[try row.decode("purpose")] = try LLMUsageTotals(row)
        }
        return totals
    }
}
