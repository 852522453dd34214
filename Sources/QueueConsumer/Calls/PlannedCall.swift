import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a call is for; its answer goes back to the stage that asked (`llm_calls.purpose`).
enum CallPurpose: String {
    case generation
    case judge
    /// Paraphrases for augmented variants.
    case augmentation
    /// A judge of how close variants stay to their originals (`judge=llm`).
    case similarity
}

/// A provider call a job wants made: what to send, to whom, and on whose behalf.
struct PlannedCall {
    var jobID: UUID
    /// Unique within the run: the run finds what the call was for by it.
    var id: Int
    /// The first sample the call is for (`llm_calls.sample_idx`); nil for a call about several stored ones.
    var sampleIndex: Int?
    /// 1 for the first try of these samples in this run.
    var attempt: Int
    var purpose: CallPurpose
    var provider: any Provider
    var request: CompletionRequest
    /// The prompt's tokens as the provider estimates them at admission: what the budget reserves, reconciles
    /// and what a cost limit checks, worked out once.
    let inputTokenEstimate: Int
    /// Everything that determines the answer, as text (the response cache's key is its SHA-256); nil for a
    /// call that is not deterministic (temperature 0 or a seed) and so never cached.
    let cacheKey: String?

    /// - Parameter discriminator: What tells apart calls whose requests are equal but whose answers must not
    ///   be (the samples they are for), so a cached answer is never reused for another sample.
    init(
        jobID: UUID, id: Int, sampleIndex: Int?, attempt: Int, purpose: CallPurpose, provider: any Provider,
        request: CompletionRequest, cacheable: Bool, discriminator: String
    ) {
        self.jobID = jobID
        self.id = id
        self.sampleIndex = sampleIndex
        self.attempt = attempt
        self.purpose = purpose
        self.provider = provider
        self.request = request
        inputTokenEstimate = TokenEstimator.estimate(request.messages)
        cacheKey = cacheable ? Self.fingerprint(provider: provider, request: request, discriminator: discriminator) : nil
    }

    /// The budget this call draws on.
    var budgetKey: BudgetKey { BudgetKey(provider: provider.name, model: request.model) }

    private static func fingerprint(provider: any Provider, request: CompletionRequest, discriminator: String) -> String {
        var parts = [provider.name, request.model, "\(request.temperature)", "\(request.maxOutputTokens)",
                     "\(request.choices)", request.seed.map(String.init) ?? "-", discriminator]
        if let schema = request.responseSchema { parts.append(String(decoding: schema.schema.jsonBytes, as: UTF8.self)) }
        for message in request.messages { parts += [message.role, message.content] }
        return parts.joined(separator: "\u{1F}")
    }
}

/// A provider+model whose rate budget a call draws on.
struct BudgetKey: Hashable {
    var provider: String
    var model: String
}

/// How a planned call ended.
struct CallEvent {
    var call: PlannedCall
    var result: Result<Completion, ProviderError>
    var latencyMilliseconds: Double
    /// Answered from the response cache: no provider call, no cost.
    var cached: Bool
    /// Sent to the provider over HTTP (so it drew on the shared budget).
    var remote: Bool
    /// What the vendor said about its limits, when the call reached it.
    var rateLimits: RateLimitSnapshot?
}
