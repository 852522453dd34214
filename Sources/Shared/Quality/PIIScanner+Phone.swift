extension PIIScanner {
    /// The digit groups of a candidate phone number, as read; `phoneEnd` judges their shape.
    private struct DialledNumber {
        var hasPlus = false
        var hasParentheses = false
        var groups: [Int] = []
        var digits: [Int] = []
    }

    /// The end of a phone number starting at `start`, in one of the shapes people write them in:
    /// - international: `+` and 8–15 digits (E.164), grouped or not (`+44 20 7946 0958`, `+14155552671`);
    /// - North American: 3-3-4 digits, optionally after a `1`, area code and exchange not starting with 0 or 1
    ///   (`(415) 555-2671`, `415.555.2671`, `1-800-555-0199`);
    /// - national with a trunk `0`: 9–12 digits in groups of two or more (`020 7946 0958`, `06 12 34 56 78`).
    ///
    /// Anything else with digits is not a phone: order numbers and unbroken runs without `+`, years, prices,
    /// dates (`2024-01-15`, `15.01.2024`), versions and short runs.
    static func phoneEnd(in bytes: [UInt8], from start: Int) -> Int? {
        let first = bytes[start]
        guard first.isASCIIDigit || first == UInt8(ascii: "+") || first == UInt8(ascii: "("),
            numberStarts(at: start, in: bytes)
        else { return nil }
        var number = DialledNumber()
        guard let end = readPhone(in: bytes, from: start, into: &number), numberEnds(at: end, in: bytes),
            hasPhoneShape(number)
        else { return nil }
        return end
    }

    /// Reads `+`, digit groups, one parenthesised group and separators (spaces and dashes, or dots alone) into
    /// `number`; answers the end of the last group, or nil for more than 15 digits or an unclosed parenthesis.
    private static func readPhone(in bytes: [UInt8], from start: Int, into number: inout DialledNumber) -> Int? {
        var index = start
        if bytes[index] == UInt8(ascii: "+") {
            number.hasPlus = true
            index += 1
        }
        var usesDots: Bool?
        var end = index
        while index < bytes.count {
            let opens = bytes[index] == UInt8(ascii: "(") && !number.hasParentheses
            if opens { index += 1 }
            let groupStart = index
            while index < bytes.count, bytes[index].isASCIIDigit, number.digits.count <= 15 {
                number.digits.append(bytes[index].digitValue)
                index += 1
            }
            guard number.digits.count <= 15 else { return nil }
            guard index > groupStart else { break }
            number.groups.append(index - groupStart)
            if opens {
                guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return nil }
                number.hasParentheses = true
                index += 1
            }
            end = index
            guard index < bytes.count else { break }
            let separator = bytes[index]
            if opens, separator.isASCIIDigit { continue }
            let isDot = separator == UInt8(ascii: ".")
            guard isDot || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-"), usesDots ?? isDot == isDot,
                index + 1 < bytes.count, bytes[index + 1].isASCIIDigit || bytes[index + 1] == UInt8(ascii: "(")
            else { break }
            usesDots = isDot
            index += 1
        }
        return number.groups.isEmpty ? nil : end
    }

    /// Whether the groups read have one of the shapes `phoneEnd` lists.
    private static func hasPhoneShape(_ number: DialledNumber) -> Bool {
        let count = number.digits.count
        guard Set(number.digits).count > 1 else { return false }
        if number.hasPlus { return (8...15).contains(count) }
        if number.digits.first == 0 {
            return (9...12).contains(count) && number.groups.count >= 2 && number.groups.allSatisfy { $0 >= 2 }
        }
        var groups = number.groups
        var digits = number.digits[...]
        if groups.first == 1 && digits.first == 1 {
            groups.removeFirst()
            digits = digits.dropFirst()
        }
        guard groups == [3, 3, 4], let area = digits.first else { return false }
        return area >= 2 && digits[digits.startIndex + 3] >= 2
    }
}
