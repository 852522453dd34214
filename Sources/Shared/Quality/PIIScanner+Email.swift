extension PIIScanner {
    /// The longest local part RFC 5321 allows; a longer run of address characters is not an address.
    private static let maxLocalPart = 64
    /// The longest domain RFC 1035 allows.
    private static let maxDomain = 253

    /// The end of an e-mail address starting at `start`: a local part of letters, digits and `. _ % + -`, an `@`,
    /// then at least two dot-separated labels ending in a top-level domain of two or more letters.
    ///
    /// `start` must begin the local part (no address character before it), so a scan tries each word once.
    static func emailEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes[start].isASCIIAlphanumeric,
            !(byte(before: start, in: bytes).map(isLocalByte) ?? false)
        else { return nil }
        var at = start
        while at < bytes.count, at - start <= maxLocalPart, isLocalByte(bytes[at]) { at += 1 }
        guard at < bytes.count, bytes[at] == UInt8(ascii: "@"), at - start <= maxLocalPart,
            bytes[at - 1] != UInt8(ascii: ".")
        else { return nil }
        guard let end = domainEnd(in: bytes, from: at + 1) else { return nil }
        if end < bytes.count, bytes[end].isWordByte || bytes[end] == UInt8(ascii: "@") { return nil }
        return end
    }

    /// The end of the last label of a domain starting at `start` that can be a top-level domain, or nil.
    private static func domainEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var labelStart = start
        var labels = 0
        var end: Int?
        while labelStart - start < maxDomain {
            var index = labelStart
            var allLetters = true
            while index < bytes.count, index - labelStart < 63,
                bytes[index].isASCIIAlphanumeric || bytes[index] == UInt8(ascii: "-")
            {
                allLetters = allLetters && bytes[index].isASCIILetter
                index += 1
            }
            guard index > labelStart, bytes[labelStart] != UInt8(ascii: "-"), bytes[index - 1] != UInt8(ascii: "-")
            else { break }
            labels += 1
            if labels >= 2 && allLetters && index - labelStart >= 2 { end = index }
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), bytes[index + 1].isASCIIAlphanumeric
            else { break }
            labelStart = index + 1
        }
        return end
    }

    /// A byte of an address's local part.
    private static func isLocalByte(_ byte: UInt8) -> Bool {
        byte.isASCIIAlphanumeric || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}
