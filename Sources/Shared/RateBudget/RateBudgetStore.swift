#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A slice of the cluster's budget granted to one consumer: `granted` request slots, the first usable
/// `waitSeconds` from now, the next ones `stepSeconds` apart.
public struct BudgetGrant: Sendable, Equatable {
    public var granted: Int
    public var waitSeconds: Double
    public var stepSeconds: Double

    public init(granted: Int, waitSeconds: Double, stepSeconds: Double) {
        self.granted = granted
        self.waitSeconds = waitSeconds
        self.stepSeconds = stepSeconds
    }
}

/// What one consumer asks of the budget of one provider+model.
public struct BudgetRequest: Sendable, Equatable {
    public var provider: String
    public var model: String
    public var consumerID: String
    public var slots: Int
    /// The estimate of each call, as the provider counts it: prompt tokens and the maximum output.
    public var inputTokens: Int
    public var outputTokens: Int
    /// Only slots starting within this many seconds are granted.
    public var horizonSeconds: Double
    /// The consumer's calls to this provider+model in flight now.
    public var inFlight: Int
    /// Consumers silent for longer do not count towards the in-flight limit.
    public var staleSeconds: Double
    /// Reported usage minus the estimate reserved, over the calls finished since the last request.
    public var inputCorrection: Int
    public var outputCorrection: Int
    /// The fraction of each limit to pace at.
    public var utilisation: Double

    public init(
        provider: String, model: String, consumerID: String, slots: Int, inputTokens: Int, outputTokens: Int,
        horizonSeconds: Double, inFlight: Int, staleSeconds: Double, inputCorrection: Int, outputCorrection: Int,
        utilisation: Double
    ) {
        self.provider = provider
        self.model = model
        self.consumerID = consumerID
        self.slots = slots
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.horizonSeconds = horizonSeconds
        self.inFlight = inFlight
        self.staleSeconds = staleSeconds
        self.inputCorrection = inputCorrection
        self.outputCorrection = outputCorrection
        self.utilisation = utilisation
    }
}

/// One provider+model's row of the cluster-wide picture.
public struct BudgetStatus: Sendable, Equatable {
    public var provider: String
    public var model: String
    public var limits: RateLimits
    /// `config`, `headers` or `none`.
    public var limitsSource: String
    public var pausedUntil: Date?
    public var requestsLastMinute: Int
    public var tokensLastMinute: Int
    public var rateLimitedLastMinute: Int
    public var retriedLastMinute: Int
    public var meanLatencyMilliseconds: Double
    public var inFlight: Int

    /// A provider+model nothing has called yet.
    public init(provider: String, model: String, limits: RateLimits) {
        self.init(
            provider: provider, model: model, limits: limits, limitsSource: limits.isEmpty ? "none" : "config",
            pausedUntil: nil, requestsLastMinute: 0, tokensLastMinute: 0, rateLimitedLastMinute: 0,
            retriedLastMinute: 0, meanLatencyMilliseconds: 0, inFlight: 0)
    }

    init(
        provider: String, model: String, limits: RateLimits, limitsSource: String, pausedUntil: Date?,
        requestsLastMinute: Int, tokensLastMinute: Int, rateLimitedLastMinute: Int, retriedLastMinute: Int,
        meanLatencyMilliseconds: Double, inFlight: Int
    ) {
        self.provider = provider
        self.model = model
        self.limits = limits
        self.limitsSource = limitsSource
        self.pausedUntil = pausedUntil
        self.requestsLastMinute = requestsLastMinute
        self.tokensLastMinute = tokensLastMinute
        self.rateLimitedLastMinute = rateLimitedLastMinute
        self.retriedLastMinute = retriedLastMinute
        self.meanLatencyMilliseconds = meanLatencyMilliseconds
        self.inFlight = inFlight
    }
}

/// The last hour's calls over every provider.
public struct CallMetrics: Sendable, Equatable {
    public var total: Int
    public var successful: Int
    public var rateLimited: Int
    public var retried: Int
    public var meanLatencyMilliseconds: Double
}

/// The cluster-wide rate budget on one connection.
public struct RateBudgetStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    public func reserve(_ request: BudgetRequest) throws(DatabaseError) -> BudgetGrant {
        let row = try connection.execute(
            RateBudgetSQL.reserve,
            [
                request.provider, request.model, request.consumerID, request.slots, request.inputTokens,
                request.outputTokens, request.horizonSeconds, request.inFlight, request.staleSeconds,
                request.inputCorrection, request.outputCorrection, request.utilisation,
            ]
        ).first
        guard let row else { return BudgetGrant(granted: 0, waitSeconds: 1, stepSeconds: 0) }
        return BudgetGrant(
            granted: try row.decode("granted"), waitSeconds: max(0, try row.decode("wait_seconds")),
            stepSeconds: try row.decode("step_seconds"))
    }

    /// What reserving `calls` calls now would grant, worked out by the budget's own function (`rate_reserve`: its
    /// utilisation, pause, backlog and in-flight limit) in a transaction that is rolled back: nothing is
    /// reserved and no row is left behind. Every slot within a day is asked for, so `granted` falls short of
    /// `calls` only where the in-flight limit leaves no more room.
    public func preview(
        provider: String, model: String, calls: Int, inputTokens: Int, outputTokens: Int, utilisation: Double,
        staleSeconds: Double
    ) throws -> BudgetGrant {
        let request = BudgetRequest(
            provider: provider, model: model, consumerID: "preview", slots: calls, inputTokens: inputTokens,
            outputTokens: outputTokens, horizonSeconds: 86_400, inFlight: 0, staleSeconds: staleSeconds,
            inputCorrection: 0, outputCorrection: 0, utilisation: utilisation)
        var grant: BudgetGrant?
        do {
            try connection.transaction { connection in
                grant = try RateBudgetStore(connection).reserve(request)
                throw PreviewRollback()
            }
        } catch is PreviewRollback {}
        return grant ?? BudgetGrant(granted: calls, waitSeconds: 0, stepSeconds: 0)
    }

    /// Stores configured limits, which learned limits never override.
    public func configure(provider: String, model: String, limits: RateLimits) throws(DatabaseError) {
        try connection.execute(
            RateBudgetSQL.configure,
            [
                provider, model, limits.requestsPerMinute, limits.tokensPerMinute, limits.inputTokensPerMinute,
                limits.outputTokensPerMinute, limits.maxInFlight,
            ])
    }

    /// Stores limits a provider reported, unless limits were configured for it.
    public func learn(provider: String, model: String, limits: RateLimits) throws(DatabaseError) {
        try connection.execute(
            RateBudgetSQL.learn,
            [
                provider, model, limits.requestsPerMinute, limits.tokensPerMinute, limits.inputTokensPerMinute,
                limits.outputTokensPerMinute,
            ])
    }

    /// Stops the whole cluster sending to this provider+model for `seconds`.
    public func pause(provider: String, model: String, seconds: Double) throws(DatabaseError) {
        try connection.execute(RateBudgetSQL.pause, [provider, model, seconds])
    }

    /// The consumer's calls in flight per provider+model (zero included, to clear earlier counts).
    public func reportInFlight(consumerID: String, _ counts: [(provider: String, model: String, inFlight: Int)])
        throws(DatabaseError)
    {
        guard !counts.isEmpty else { return }
        try connection.execute(
            RateBudgetSQL.reportInFlight,
            [consumerID, counts.map(\.provider), counts.map(\.model), counts.map(\.inFlight)])
    }

    public func clearInFlight(consumerID: String) throws(DatabaseError) {
        try connection.execute(RateBudgetSQL.clearInFlight, [consumerID])
    }

    public func status(staleSeconds: Double) throws(DatabaseError) -> [BudgetStatus] {
        try connection.execute(RateBudgetSQL.status, [staleSeconds]).map { row throws(DatabaseError) in
            BudgetStatus(
                provider: try row.decode("provider"), model: try row.decode("model"),
                limits: RateLimits(
                    requestsPerMinute: try row.decodeIfPresent("rpm"), tokensPerMinute: try row.decodeIfPresent("tpm"),
                    inputTokensPerMinute: try row.decodeIfPresent("input_tpm"),
                    outputTokensPerMinute: try row.decodeIfPresent("output_tpm"),
                    maxInFlight: try row.decodeIfPresent("max_in_flight")),
                limitsSource: try row.decode("limits_source"), pausedUntil: try row.decodeIfPresent("paused_until"),
                requestsLastMinute: try row.decode("requests"), tokensLastMinute: try row.decode("tokens"),
                rateLimitedLastMinute: try row.decode("rate_limited"), retriedLastMinute: try row.decode("retried"),
                meanLatencyMilliseconds: try row.decode("mean_latency_ms"), inFlight: try row.decode("in_flight"))
        }
    }

    public func callMetrics() throws(DatabaseError) -> CallMetrics {
        guard let row = try connection.execute(RateBudgetSQL.callMetrics).first else {
            return CallMetrics(total: 0, successful: 0, rateLimited: 0, retried: 0, meanLatencyMilliseconds: 0)
        }
        return CallMetrics(
            total: try row.decode("total"), successful: try row.decode("ok"),
            rateLimited: try row.decode("rate_limited"), retried: try row.decode("retried"),
            meanLatencyMilliseconds: try row.decode("mean_latency_ms"))
    }
}

/// Thrown to roll a preview's transaction back.
private struct PreviewRollback: Error {}
