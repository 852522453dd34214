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
        let (providerName, model) = try Self.target(request, settings: settings)
        guard let provider = ProviderFactory.make(named: providerName, settings: settings) else {
            throw APIError.badRequest("Provider '\(providerName)' is not configured")
        }
        let spec = SampleSpec(product: "DataForge test product", kind: .supportRequest, sentiment: 3, tone: "neutral",
                              index: 0, seed: 1)
        let messages = [ChatMessage(role: "user", content: "Write one short customer support request about a product.")]
        let completionRequest = CompletionRequest(
            model: model, messages: messages, temperature: 0, maxOutputTokens: 300, sample: spec)
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

    /// The provider and model to test: the body's (`{}` or no body at all: the defaults).
    private static func target(_ request: Request, settings: Settings) throws(APIError) -> (String, String) {
        let fields = try GenerationRequest.jsonObject(body: request.body, emptyIsAllowed: true)
        var reader = FieldReader(source: .body, fields: fields)
        reader.allowAbsent("provider", "model")
        let providers = ProviderFactory.configuredNames(settings)
        let provider = reader.string("provider", default: settings.provider, length: 1...64)
        let model = reader.string("model", default: nil, length: 1...128)
        if let provider, !providers.contains(provider) {
            reader.fail(
                "provider", type: "value_error",
                msg: "Value error, Provider '\(provider)' is not configured. Available: \(providers.joined(separator: ", "))")
        }
        guard reader.errors.isEmpty, let provider else { throw .validation(reader.errors) }
        return (provider, model ?? ProviderFactory.defaultModel(for: provider, settings: settings))
    }
}
