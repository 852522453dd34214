/// One occurrence of personal data in a scanned text.
///
/// The range is in UTF-8 offsets, not `String.Index`, so it can be stored or logged without the text and means the
/// same in SQL's `octet_length`. Every match starts and ends on an ASCII byte, so both ends are character boundaries.
public struct PIIMatch: Sendable, Hashable {
    public var kind: PIIKind
    public var utf8Range: Range<Int>

    public init(kind: PIIKind, utf8Range: Range<Int>) {
        self.kind = kind
        self.utf8Range = utf8Range
    }

    /// The matched characters of `scanned`, which must be the text this match was found in.
    public func text(in scanned: String) -> String {
        let bytes = scanned.utf8.dropFirst(utf8Range.lowerBound).prefix(utf8Range.count)
        return String(decoding: bytes, as: UTF8.self)
    }
}
