import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `POST /api/test-llm`: one small completion from the configured provider, recorded like any call.
struct PostTestLLM: Handler {
    /// The call holds one of the pool's accept threads: it gets a short timeout, not a generation call's.
    static let timeoutSeconds = 15

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var settings = context.settings
        settings.providerTimeoutSeconds = min(settings.providerTimeoutSeconds, Self.timeoutSeconds)
        let provider = ProviderFactory.make(settings)
        let spec = SampleSpec(product: "DataForge test product", kind: .supportRequest, sentiment: 3, tone: "neutral",
                              index: 0, seed: 1)
        let messages = [ChatMessage(role: "user", content: "Write one short customer support request about a product.")]
        let completionRequest = CompletionRequest(
            model: context.settings.model, messages: messages, temperature: 0, maxOutputTokens: 300, sample: spec)
        let start = ContinuousClock.now
        var results: JSONObject = [
            "health_check": false, "generation_test": false,
            "model_info": ["provider": .string(provider.name), "model": .string(context.settings.model)],
            "error": .null,
        ]
        var call = LLMCall(
            jobID: nil, sampleIndex: nil, purpose: "smoke_test", provider: provider.name, model: context.settings.model,
            promptHash: "", status: "ok", httpStatus: nil, tokensIn: 0, tokensOut: 0, costUSD: "0",
            latencyMilliseconds: 0, attempt: 1, error: nil, consumerID: nil)
        do {
            let completion = try provider.completeBlocking(completionRequest, client: HTTPClient(caFile: settings.caFile))
            results["health_check"] = true
            results["generation_test"] = .bool(!completion.text.isEmpty)
            results["test_response"] = .string(completion.text)
            call.tokensIn = completion.inputTokens
            call.tokensOut = completion.outputTokens
            call.costUSD = context.settings.prices.costUSD(
                model: completion.model, inputTokens: completion.inputTokens, outputTokens: completion.outputTokens)
        } catch {
            results["error"] = .string(error.message)
            call.status = error.statusName
            call.httpStatus = error.httpStatus
            call.error = error.message
        }
        call.latencyMilliseconds = (ContinuousClock.now - start).milliseconds
        try LLMCallStore(try context.connection()).record([call])
        return .json(["timestamp": .string(RFC3339.format(.now)), "results": .object(results)])
    }
}
