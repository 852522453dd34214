extension FieldReader {
    /// A list of at most `maxCount` strings of `length` characters each; a failing item is reported at
    /// `[source, field, index]`, as the earlier service's clients expect for list items.
    public mutating func strings(
        _ field: String, default fallback: [String]?, maxCount: Int, length: ClosedRange<Int>
    ) -> [String]? {
        guard let value = present(field) else { return missing(field, fallback) }
        guard case .array(let items) = value else {
            fail(field, type: "list_type", msg: "Input should be a valid list")
            return nil
        }
        if items.count > maxCount {
            fail(field, type: "too_long", msg: "List should have at most \(maxCount) items, not \(items.count)")
            return nil
        }
        var strings: [String] = []
        for (index, item) in items.enumerated() {
            let path = [field, String(index)]
            guard case .string(let text) = item else {
                fail(at: path, type: "string_type", msg: "Input should be a valid string")
                continue
            }
            if let failure = Self.lengthFailure(text, length) {
                fail(at: path, type: failure.type, msg: failure.msg)
            } else {
                strings.append(text)
            }
        }
        return strings.count == items.count ? strings : nil
    }
}
