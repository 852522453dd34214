/// What `PIIScanner.scan(_:)` found in one text: every match, in order and without overlaps.
///
/// A pipeline stage decides from it what `PIIPolicy` asks for: record `kinds`, reject the sample, or replace the
/// text with `redacting(_:)`.
public struct PIIScan: Sendable, Equatable {
    /// Matches sorted by position; no two overlap.
    public var matches: [PIIMatch]

    public init(matches: [PIIMatch]) {
        self.matches = matches
    }

    /// True when nothing was found.
    public var isClean: Bool { matches.isEmpty }

    /// The distinct kinds found, in `PIIKind` order: what a sample's metadata records (never the values).
    public var kinds: [PIIKind] { Set(matches.map(\.kind)).sorted() }

    /// `scanned` with every match replaced by its kind's placeholder; `scanned` must be the text that was scanned.
    ///
    /// The result keeps nothing of a match, so it is safe to cache, echo or log where the original is not.
    public func redacting(_ scanned: String) -> String {
        guard !matches.isEmpty else { return scanned }
        let bytes = Array(scanned.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var copied = 0
        for match in matches {
            output.append(contentsOf: bytes[copied..<match.utf8Range.lowerBound])
            output.append(contentsOf: match.kind.placeholder.utf8)
            copied = match.utf8Range.upperBound
        }
        output.append(contentsOf: bytes[copied...])
        return String(decoding: output, as: UTF8.self)
    }
}
