import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Produces one sample of a generation job: renders the prompt, calls the provider, and describes the call.
///
/// It computes only; `GenerationPipeline` persists what it returns.
struct SampleGenerator {
    let request: GenerationRequest
    let template: PromptTemplate
    let jobID: UUID
    let provider: any Provider
    let model: String

    /// The result of one provider call: the sample when it succeeded, and the call's record either way.
    struct Attempt {
        var sample: Sample?
        var call: LLMCall
        var error: ProviderError?
    }

    func generate(index: Int, attempt: Int, consumerID: String) -> Attempt {
        let messages = template.messages(for: request, index: index)
        let spec = SampleSpec(
            product: request.product, kind: request.template, sentiment: request.sentimentIntensity,
            tone: request.tone, index: index, seed: SampleSeed.derive(jobID: jobID, index: index))
        let completionRequest = CompletionRequest(
            model: model, messages: messages, temperature: request.temperature, maxOutputTokens: 400, sample: spec)
        var call = LLMCall(
            jobID: jobID, sampleIndex: index, purpose: "generation", provider: provider.name, model: model,
            promptHash: SampleSeed.hexDigest(messages.map(\.content).joined(separator: "\u{1F}")), status: "ok",
            httpStatus: nil, tokensIn: 0, tokensOut: 0, costUSD: "0", latencyMilliseconds: 0, attempt: attempt,
            error: nil, consumerID: consumerID)
        let start = ContinuousClock.now
        do {
            let completion = try provider.complete(completionRequest)
            call.latencyMilliseconds = (ContinuousClock.now - start).milliseconds
            call.model = completion.model
            call.tokensIn = completion.inputTokens
            call.tokensOut = completion.outputTokens
            call.costUSD = PriceTable.costUSD(
                model: completion.model, inputTokens: completion.inputTokens, outputTokens: completion.outputTokens)
            let sample = Sample(
                jobID: jobID, index: index, id: SampleSeed.sampleID(jobID: jobID, index: index), kind: request.template,
                product: request.product, templateVersion: template.version, promptVersion: request.version,
                temperature: request.temperature, text: completion.text,
                tokensEstimated: TokenEstimator.estimate(completion.text), provider: provider.name,
                model: completion.model,
                metadata: [
                    "template": .string(request.template.rawValue), "sample_index": .int(index),
                    "sentiment_intensity": request.sentimentIntensity.map(JSONValue.int) ?? .null,
                    "tone": request.tone.map(JSONValue.string) ?? .null, "provider": .string(provider.name),
                    "model": .string(completion.model),
                ])
            return Attempt(sample: sample, call: call, error: nil)
        } catch {
            call.latencyMilliseconds = (ContinuousClock.now - start).milliseconds
            call.status = switch error.kind {
            case .retryable: "retryable"
            case .rateLimited: "rate_limited"
            case .fatal: "fatal"
            }
            call.httpStatus = error.httpStatus
            call.error = error.message
            return Attempt(sample: nil, call: call, error: error)
        }
    }
}
