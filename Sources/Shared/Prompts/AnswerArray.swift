/// The items of the JSON array in a model's answer, read tolerantly, and their assignment to the indices asked
/// for.
///
/// Models answer `{"samples":[…]}` as asked, or wrap it in code fences or prose, answer the bare array, drop a
/// field, or stop mid-array at their token limit: every complete item is still worth keeping.
enum AnswerArray {
    /// The elements of the array under `key`, else of the first array that holds objects or strings, else the
    /// one object the answer holds; fenced blocks come before the whole answer. A truncated array yields its
    /// complete elements.
    static func items(in answer: String, key: String) -> [JSONValue] {
        let bytes = Array(answer.utf8)
        let candidates = StructuredAnswer.fencedBlocks(bytes) + [bytes[...]]
        for candidate in candidates {
            let keyed = arrayStarts(after: Array("\"\(key)\"".utf8), in: candidate)
            let bare = candidate.indices.filter { candidate[$0] == UInt8(ascii: "[") }
            for open in keyed + bare {
                let items = elements(of: candidate, from: open)
                if !items.isEmpty { return items }
            }
        }
        guard let object = StructuredAnswer.extractObject(from: answer), let value = try? JSONValue(parsing: object),
            value[key] == nil
        else { return [] }
        return [value]
    }

    /// `[Int: Value]` from items carrying their index under `indexKey` (a number or digits); items without one
    /// take the expected indices no item claimed, in ascending order. Unknown indices, repeats of an index and
    /// items `value` rejects are dropped. Without `expected`, every index counts and items without one are dropped.
    static func indexed<Value>(
        _ items: [JSONValue], indexKey: String, expected: Set<Int>?, value: (JSONValue) -> Value?
    ) -> [Int: Value] {
        var result: [Int: Value] = [:]
        var unindexed: [JSONValue] = []
        for item in items {
            guard let index = Self.number(item[indexKey]) else {
                unindexed.append(item)
                continue
            }
            guard expected?.contains(index) ?? true, result[index] == nil, let value = value(item) else { continue }
            result[index] = value
        }
        guard let expected else { return result }
        let free = expected.sorted().filter { result[$0] == nil }
        for (item, index) in zip(unindexed, free) {
            if let value = value(item) { result[index] = value }
        }
        return result
    }

    /// The judge scores under `score` in 0…1 of the items of the array under `key`, by `index`, as `indexed`
    /// assigns them: a number or a numeric string, clamped; items without a finite score are dropped.
    static func scores(in answer: String, key: String, score: String, expected: Set<Int>?) -> [Int: Double] {
        indexed(items(in: answer, key: key), indexKey: "index", expected: expected) { item in
            let value = item[score]?.doubleValue ?? item[score]?.stringValue.flatMap { Double($0.trimmingSpaces) }
            guard let value, value.isFinite else { return nil }
            return min(max(value, 0), 1)
        }
    }

    /// An integer given as a number or as a string of digits.
    static func number(_ value: JSONValue?) -> Int? {
        if let number = value?.intValue { return number }
        return value?.stringValue.flatMap { Int($0.trimmingSpaces) }
    }

    /// The trimmed text of an item: the item itself when it is a string, else its `field`; nil when empty.
    static func text(of item: JSONValue, field: String) -> String? {
        let text = (item.stringValue ?? item[field]?.stringValue)?.trimmingSpaces
        return text?.isEmpty == false ? text : nil
    }

    /// Positions of `[` that follow `"key"` and a colon.
    private static func arrayStarts(after key: [UInt8], in bytes: ArraySlice<UInt8>) -> [Int] {
        var starts: [Int] = []
        var position = bytes.startIndex
        while position + key.count <= bytes.endIndex {
            defer { position += 1 }
            guard bytes[position..<position + key.count].elementsEqual(key) else { continue }
            var next = position + key.count
            skipSpaces(bytes, &next)
            guard next < bytes.endIndex, bytes[next] == UInt8(ascii: ":") else { continue }
            next += 1
            skipSpaces(bytes, &next)
            if next < bytes.endIndex, bytes[next] == UInt8(ascii: "[") { starts.append(next) }
        }
        return starts
    }

    /// The complete objects and strings of the array opening at `open`, up to its end, its truncation or the
    /// first element of another shape.
    private static func elements(of bytes: ArraySlice<UInt8>, from open: Int) -> [JSONValue] {
        var items: [JSONValue] = []
        var position = open + 1
        while true {
            while position < bytes.endIndex, bytes[position] == UInt8(ascii: ",") || isSpace(bytes[position]) {
                position += 1
            }
            guard position < bytes.endIndex else { return items }
            let end: Int?
            switch bytes[position] {
            case UInt8(ascii: "{"): end = StructuredAnswer.balancedEnd(bytes, from: position)
            case UInt8(ascii: "\""): end = stringEnd(bytes, from: position)
            default: end = nil
            }
            guard let end, let item = try? JSONValue(parsing: Array(bytes[position...end])) else { return items }
            items.append(item)
            position = end + 1
        }
    }

    /// The index of the quote closing the string that opens at `open`; nil when it never closes.
    private static func stringEnd(_ bytes: ArraySlice<UInt8>, from open: Int) -> Int? {
        var escaped = false
        for index in (open + 1)..<bytes.endIndex {
            if escaped {
                escaped = false
            } else if bytes[index] == UInt8(ascii: "\\") {
                escaped = true
            } else if bytes[index] == UInt8(ascii: "\"") {
                return index
            }
        }
        return nil
    }

    private static func skipSpaces(_ bytes: ArraySlice<UInt8>, _ position: inout Int) {
        while position < bytes.endIndex, isSpace(bytes[position]) { position += 1 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
