/// The rendered prompt of one sample.
public struct SamplePrompt: Sendable, Equatable {
    public var system: String
    public var user: String
    /// What was drawn for this sample (persona, scenario, focus, opening, length target, examples), for the
    /// sample's metadata.
    public var variation: JSONValue

    public init(system: String, user: String, variation: JSONValue) {
        self.system = system
        self.user = user
        self.variation = variation
    }

    /// The chat messages a provider is sent.
    public var messages: [ChatMessage] {
        [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }
}
