extension PIIScanner {
    /// The end of a dotted IPv4 address starting at `start`: four decimal octets 0–255 without leading zeros.
    ///
    /// Not inside a word or a longer dotted number, nor right after a word that announces a version, so
    /// `v1.2.3.4`, `version 1.2.3.4`, `1.2.3.4.5` and `300.1.1.1` are not addresses.
    static func ipv4End(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes[start].isASCIIDigit, !followsVersionWord(start, in: bytes) else { return nil }
        if let previous = byte(before: start, in: bytes),
            previous.isWordByte || previous == UInt8(ascii: ".") || previous == UInt8(ascii: "-")
        {
            return nil
        }
        var index = start
        for octet in 0..<4 {
            if octet > 0 {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), bytes[index + 1].isASCIIDigit
                else { return nil }
                index += 1
            }
            let octetStart = index
            var value = 0
            while index < bytes.count, bytes[index].isASCIIDigit, index - octetStart < 3 {
                value = value * 10 + bytes[index].digitValue
                index += 1
            }
            guard value <= 255, !(bytes[octetStart] == UInt8(ascii: "0") && index - octetStart > 1) else { return nil }
        }
        return numberEnds(at: index, in: bytes) ? index : nil
    }

    /// The end of an IPv6 address starting at `start`: eight groups of 1–4 hex digits, or fewer with one `::`.
    ///
    /// Times (`10:30:45`) and MAC addresses (six groups) do not have the shape; an address with an embedded IPv4
    /// tail (`::ffff:192.0.2.1`) is not recognised as a whole, though its IPv4 part is.
    static func ipv6End(in bytes: [UInt8], from start: Int) -> Int? {
        let colon = UInt8(ascii: ":")
        guard bytes[start].hexDigitValue != nil || bytes[start] == colon else { return nil }
        if let previous = byte(before: start, in: bytes), previous.isWordByte || previous == colon { return nil }
        var end = start
        while end < bytes.count, end - start <= 39, bytes[end].hexDigitValue != nil || bytes[end] == colon { end += 1 }
        guard end - start <= 39, numberEnds(at: end, in: bytes) else { return nil }
        var index = start
        var groups = 0
        var compressed = false
        if bytes[index] == colon {
            guard index + 1 < end, bytes[index + 1] == colon else { return nil }
            compressed = true
            index += 2
        }
        while index < end {
            let groupStart = index
            while index < end, bytes[index] != colon { index += 1 }
            guard (1...4).contains(index - groupStart) else { return nil }
            groups += 1
            guard index < end else { break }
            index += 1
            if index < end, bytes[index] == colon {
                guard !compressed else { return nil }
                compressed = true
                index += 1
            } else if index == end {
                return nil
            }
        }
        let isWhole = compressed ? (1...7).contains(groups) : groups == 8
        return isWhole ? end : nil
    }

    /// Words after which a dotted number is a version, not an address.
    private static let versionWords: Set<String> = ["v", "ver", "version", "release", "build", "firmware", "update"]

    /// Whether the word before `start` (one space between) is one of `versionWords`, in any case.
    private static func followsVersionWord(_ start: Int, in bytes: [UInt8]) -> Bool {
        guard start >= 2, bytes[start - 1] == UInt8(ascii: " ") else { return false }
        var wordStart = start - 1
        while wordStart > 0, start - wordStart <= 9, bytes[wordStart - 1].isASCIILetter { wordStart -= 1 }
        let word = bytes[wordStart..<(start - 1)].map { $0 | 0x20 }
        return versionWords.contains(String(decoding: word, as: UTF8.self))
    }
}
