/// Where a Chat Completions server departs from OpenAI's: vLLM, Ollama, llama.cpp and LiteLLM each reject or
/// ignore a different part of the request.
///
/// Configured as a comma list of quirk names (`DATAFORGE_COMPAT_QUIRKS`, `DATAFORGE_OPENAI_QUIRKS`); the default
/// is OpenAI's own behaviour.
public struct OpenAICompatibility: Sendable, Equatable {
    /// The name of the output limit: OpenAI deprecated `max_tokens`, which older servers still require.
    public enum MaxTokensField: String, Sendable {
        case maxCompletionTokens = "max_completion_tokens"
        case maxTokens = "max_tokens"
    }

    /// `no-seed` turns it off: the server rejects `seed`.
    public var sendsSeed = true
    /// `no-temperature` turns it off: reasoning models (o-series, gpt-5) accept only the default temperature.
    public var sendsTemperature = true
    /// `max-tokens` selects `max_tokens`.
    public var maxTokensField = MaxTokensField.maxCompletionTokens
    /// `no-structured-output` turns it off: the schema is then asked for by instruction.
    public var structuredOutput = true
    /// `no-n` turns it off: the server answers one choice per call.
    public var supportsChoices = true
    /// `stream` turns it on: the answer arrives as server-sent events (some proxies time out long silent calls).
    public var stream = false

    /// The quirk names `init?(quirks:)` accepts.
    public static let quirkNames = [
        "no-seed", "no-temperature", "max-tokens", "no-structured-output", "no-n", "stream",
    ]

    public init() {}

    /// Reads a comma list of quirk names (case and spaces ignored, empty entries skipped); nil when one is unknown.
    public init?(quirks: String) {
        for quirk in quirks.split(separator: ",").map({ String($0).trimmingSpaces.lowercased() }) where !quirk.isEmpty {
            switch quirk {
            case "no-seed": sendsSeed = false
            case "no-temperature": sendsTemperature = false
            case "max-tokens": maxTokensField = .maxTokens
            case "no-structured-output": structuredOutput = false
            case "no-n": supportsChoices = false
            case "stream": stream = true
            default: return nil
            }
        }
    }
}
