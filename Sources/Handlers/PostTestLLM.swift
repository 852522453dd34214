import Shared

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `POST /api/test-llm`: one small completion from the default provider (or the `provider` and `model` of an
/// optional body), recorded like any call.
///
/// nginx sends it to the pool for long requests: a hanging provider holds one of that pool's threads for up
/// to `timeoutSeconds`, never one of the threads that answer the short requests.
struct PostTestLLM: Handler {
    /// A test call gets a short timeout, not a generation call's.
    static let timeoutSeconds = 15

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        var settings = context.settings
        settings.providerTimeoutSeconds = min(settings.providerTimeoutSeconds, Self.timeoutSeconds)
        let (provider, model) = try Self.target(request, settings: settings)
        let messages = [
            ChatMessage(
                role: "user",
                content: "Write one short customer support request about \"DataForge test product\".\n"
                    + "Sentiment: 3/5.\nTone: neutral.")
        ]
        let completionRequest = CompletionRequest(
            model: model, messages: messages, temperature: 0, maxOutputTokens: 300)
        let start = ContinuousClock.now
        var results: JSONObject = [
            "health_check": false, "generation_test": false,
            "model_info": ["provider": .string(provider.name), "model": .string(model)],
            "error": .null,
        ]
        var call = LLMCall(
            jobID: nil, sampleIndex: nil, purpose: "smoke_test", provider: provider.name, model: model,
            promptHash: "", status: "ok", httpStatus: nil, tokensIn: 0, tokensOut: 0, costUSD: "0",
            latencyMilliseconds: 0, attempt: 1, error: nil, consumerID: nil)
        do {
            let completion = try provider.completeBlocking(completionRequest, client: HTTPClient(caFile: settings.caFile))
            results["health_check"] = true
            results["generation_test"] = .bool(!completion.text.isEmpty)
            results["test_response"] = .string(settings.piiPolicy.echoable(completion.text))
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

    /// The provider and model to test, resolved as a job's are: the body's `provider` and `model`, or the
    /// defaults (an empty body is the defaults).
    private static func target(_ request: Request, settings: Settings) throws(APIError) -> (any Provider, String) {
        let fields = try GenerationRequest.jsonObject(body: request.body, emptyIsAllowed: true)
        var reader = FieldReader(source: .body, fields: fields)
        guard let choice = reader.modelChoice(ModelCatalog(settings: settings)), let made = ProviderFactory.make(named: choice.provider, settings: settings) else {
            throw .validation(reader.errors)
        }
        return (made, choice.model)
    }
}
