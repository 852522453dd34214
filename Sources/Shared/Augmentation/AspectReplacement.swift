/// A text with one aspect term replaced, and the change.
public struct AspectReplacement: Hashable, Sendable, Codable {
    public let text: String
    public let change: AspectChange
}
