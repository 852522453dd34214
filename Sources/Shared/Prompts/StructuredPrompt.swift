/// A prompt whose answer is one JSON object following `schema`: the pipelines' multi-sample, judge and rewrite
/// prompts. A provider enforces the schema where it can, asks for it elsewhere; each prompt reads its answer back
/// tolerantly.
public protocol StructuredPrompt: Sendable {
    static var schema: ResponseSchema { get }
    /// The system message, then the user message.
    var messages: [ChatMessage] { get }
    /// The output tokens the whole answer may need.
    var outputAllowance: Int { get }
}

extension StructuredPrompt {
    /// The request; `maxOutputTokens` defaults to the prompt's `outputAllowance`.
    public func request(model: String, temperature: Double, seed: Int? = nil, maxOutputTokens: Int? = nil)
        -> CompletionRequest
    {
        CompletionRequest(
            model: model, messages: messages, temperature: temperature,
            maxOutputTokens: maxOutputTokens ?? outputAllowance, seed: seed, responseSchema: Self.schema)
    }
}
