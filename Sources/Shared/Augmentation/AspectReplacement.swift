/// A text with one aspect term replaced, and the change.
public struct AspectReplacement: Hashable, Sendable {
    public let text: String
    public let change: AspectChange
}
