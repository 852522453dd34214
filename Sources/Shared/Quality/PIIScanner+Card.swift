extension PIIScanner {
    /// The end of a payment card number starting at `start`: 13–19 digits, unbroken or in groups of three or more
    /// separated by single spaces or dashes (one kind throughout), whose first digit is a card network's (2–6) and
    /// which pass the Luhn check.
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
            if numberEnds(at: candidate.end, in: bytes), Set(number).count > 1, passesLuhn(number) {
                return candidate.end
            }
        }
        return nil
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
