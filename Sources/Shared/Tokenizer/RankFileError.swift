/// A rank file that cannot be read or is not what tiktoken writes; the description names the file and,
/// for a bad line, its number.
public struct RankFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the file.
    public struct Kind: Sendable, Equatable {
        private let name: String

        /// Missing, unreadable or empty.
        public static let unreadable = Kind(name: "unreadable")
        /// A line is not `base64 SPACE rank`.
        public static let malformedLine = Kind(name: "malformedLine")
        /// A byte value is not a token, so some text could not be encoded.
        public static let missingByte = Kind(name: "missingByte")
    }

    public var kind: Kind
    public var path: String
    public var detail: String

    public var description: String { "rank file \(path): \(detail)" }
}
