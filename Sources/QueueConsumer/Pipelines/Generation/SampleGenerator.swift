import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Plans the provider call of one sample of a generation job, and turns its completion into the sample.
///
/// It computes only; `GenerationRun` persists what it returns.
struct SampleGenerator {
    let request: GenerationRequest
    let template: PromptTemplate
    let jobID: UUID
    let provider: any Provider
    let model: String
    let cacheMode: String

    func plan(index: Int, attempt: Int) -> PlannedCall {
        // A job's seed gives each sample its own seed, so samples differ and a re-run repeats them.
        let completionRequest = CompletionRequest(
            model: model, messages: template.messages(for: request, index: index), temperature: request.temperature,
            maxOutputTokens: TokenEstimator.sampleMaxOutputTokens, seed: request.seed.map { $0 &+ index })
        let deterministic = request.temperature == 0 || request.seed != nil
        return PlannedCall(
            jobID: jobID, sampleIndex: index, attempt: attempt, purpose: "generation", provider: provider,
            request: completionRequest, cacheable: cacheMode == "auto" && deterministic && !provider.answersLocally)
    }

    func sample(index: Int, completion: Completion) -> Sample {
        let text = completion.text.trimmingSpaces
        return Sample(
            jobID: jobID, index: index, id: SampleSeed.sampleID(jobID: jobID, index: index), kind: request.template,
            product: request.product, templateVersion: template.version, promptVersion: request.version,
            temperature: request.temperature, text: text, tokensEstimated: TokenEstimator.estimate(text),
            provider: provider.name, model: completion.model,
            metadata: [
                "template": .string(request.template.rawValue), "sample_index": .int(index),
                "sentiment_intensity": request.sentimentIntensity.map(JSONValue.int) ?? .null,
                "tone": request.tone.map(JSONValue.string) ?? .null, "provider": .string(provider.name),
                "model": .string(completion.model),
            ])
    }
}
