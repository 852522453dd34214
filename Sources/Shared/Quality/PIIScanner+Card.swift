extension PIIScanner {
    /// The end of a payment card number starting at `start`: 13–19 digits, unbroken or in groups of three or more
    /// separated by single spaces or dashes (one kind throughout), with a card network's prefix and length
    /// (`hasNetworkLength`), passing the Luhn check.
    ///
    /// When more groups follow (a card and its expiry year), the longest prefix of whole groups that is a card wins.
    static func cardEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes[start].isASCIIDigit, (2...6).contains(bytes[start].digitValue), numberStarts(at: start, in: bytes)
        else { return nil }
        var digits: [Int] = []
        digits.reserveCapacity(19)
        var candidates: [(end: Int, digitCount: Int)] = []
        var separator: UInt8?
        var index = start
        while index < bytes.count, digits.count <= 19 {
            let groupStart = index
            while index < bytes.count, bytes[index].isASCIIDigit, digits.count <= 19 {
                digits.append(bytes[index].digitValue)
                index += 1
            }
            guard index - groupStart >= 3, digits.count <= 19 else { break }
            candidates.append((index, digits.count))
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "-"),
                separator == nil || separator == bytes[index], bytes[index + 1].isASCIIDigit
            else { break }
            separator = bytes[index]
            index += 1
        }
        for candidate in candidates.reversed() where (13...19).contains(candidate.digitCount) {
            let number = digits.prefix(candidate.digitCount)
            if numberEnds(at: candidate.end, in: bytes), Set(number).count > 1, hasNetworkLength(number),
                passesLuhn(number)
            {
                return candidate.end
            }
        }
        return nil
    }

    /// Whether the number has the length its network issues for its prefix: Visa (4) 13, 16 or 19 digits,
    /// Mastercard 2221–2720 and 51–55 16, American Express 34/37 15, Diners 30/36/38 and JCB 35 14–19,
    /// Maestro (50, 56–69), Discover and UnionPay (6) 13–19. A tenth of random numbers pass Luhn; this rules out
    /// most of those, such as a 16-digit number starting 34 or 7.
    static func hasNetworkLength(_ digits: ArraySlice<Int>) -> Bool {
        let prefix = digits.prefix(4).reduce(0) { $0 * 10 + $1 }
        let count = digits.count
        switch prefix / 100 {
        case 40...49: return [13, 16, 19].contains(count)
        case 34, 37: return count == 15
        case 51...55: return count == 16
        case 22...27: return count == 16 && (2221...2720).contains(prefix)
        case 30, 35, 36, 38: return count >= 14
        case 50, 56...69: return true
        default: return false
        }
    }

    /// The Luhn (mod 10) check of ISO/IEC 7812: doubling every second digit from the right, the sum ends in 0.
    static func passesLuhn(_ digits: ArraySlice<Int>) -> Bool {
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let value = offset % 2 == 1 ? digit * 2 : digit
            sum += value > 9 ? value - 9 : value
        }
        return sum % 10 == 0
    }
}
