/// Finds e-mail addresses, phone numbers, card numbers, IBANs and IP addresses in generated text, and redacts them.
///
/// Written by hand over the text's UTF-8 bytes rather than with regular expressions: Foundation's pull in ICU, and
/// the checks that make a match believable (Luhn, ISO 13616 mod-97, octet ranges, phone shapes) are code anyway.
/// Precision matters as much as recall, because a false match spoils a good sample: order numbers, prices, years,
/// dates, versions and short digit runs are left alone, and a number that fails its checksum is not reported.
///
/// Each detector starts only where a token can start and reads a bounded stretch (at most a few hundred bytes for
/// an e-mail address, a few dozen otherwise), so a scan is linear in the length of the text.
public struct PIIScanner: Sendable {
    public init() {}

    /// Every match in `text`, left to right; where two kinds could start at the same place, the more specific one
    /// (e-mail, IBAN, IP, card, then phone) wins, and scanning resumes after it.
    public func scan(_ text: String) -> PIIScan {
        let bytes = Array(text.utf8)
        var matches: [PIIMatch] = []
        var position = 0
        while position < bytes.count {
            if let match = Self.match(in: bytes, at: position) {
                matches.append(match)
                position = match.utf8Range.upperBound
            } else {
                position += 1
            }
        }
        return PIIScan(matches: matches)
    }

    /// `text` with each match replaced by its placeholder (`[EMAIL]`, `[PHONE]`, `[CARD]`, `[IBAN]`, `[IP]`), and
    /// the kinds that were replaced, for the sample's metadata.
    public func redacted(_ text: String) -> (text: String, kinds: [PIIKind]) {
        let found = scan(text)
        return (found.redacting(text), found.kinds)
    }

    /// The first detector's match starting exactly at `start`, trying them in order of specificity.
    private static func match(in bytes: [UInt8], at start: Int) -> PIIMatch? {
        let first = bytes[start]
        guard first.isASCIIAlphanumeric || first == UInt8(ascii: "+") || first == UInt8(ascii: "(")
            || first == UInt8(ascii: ":")
        else { return nil }
        let found =
            emailEnd(in: bytes, from: start).map { (PIIKind.email, $0) }
            ?? ibanEnd(in: bytes, from: start).map { (.iban, $0) }
            ?? ipv4End(in: bytes, from: start).map { (.ip, $0) }
            ?? ipv6End(in: bytes, from: start).map { (.ip, $0) }
            ?? cardEnd(in: bytes, from: start).map { (.card, $0) }
            ?? phoneEnd(in: bytes, from: start).map { (.phone, $0) }
        return found.map { PIIMatch(kind: $0.0, utf8Range: start..<$0.1) }
    }

    // MARK: - Shared by the detectors

    /// The byte before `index`, or nil at the start of the text.
    static func byte(before index: Int, in bytes: [UInt8]) -> UInt8? {
        index > 0 ? bytes[index - 1] : nil
    }

    /// Whether a number ends at `end`: no word byte follows, and no `.` or `,` followed by a digit (a price or a
    /// decimal such as `4111 1111 1111 1111.50` is one longer number, not a match).
    static func numberEnds(at end: Int, in bytes: [UInt8]) -> Bool {
        guard end < bytes.count else { return true }
        let next = bytes[end]
        if next.isWordByte { return false }
        let continues = next == UInt8(ascii: ".") || next == UInt8(ascii: ",")
        return !(continues && end + 1 < bytes.count && bytes[end + 1].isASCIIDigit)
    }

    /// Whether a number may start at `start`: it does not continue a word, a decimal, a run of digit groups
    /// (the tail of a longer number that failed its check), or a number joined by `-`, `/`, `.` or `,`, and is
    /// not a reference (`#`), amount (`$`) or already signed (`+`).
    static func numberStarts(at start: Int, in bytes: [UInt8]) -> Bool {
        guard let previous = byte(before: start, in: bytes) else { return true }
        if previous.isWordByte { return false }
        if previous == UInt8(ascii: " "), byte(before: start - 1, in: bytes)?.isASCIIDigit ?? false { return false }
        let blocking: [UInt8] = [
            UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "@"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: ","),
        ]
        return !blocking.contains(previous)
    }
}
