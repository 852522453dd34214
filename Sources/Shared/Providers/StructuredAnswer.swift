/// Structured output by instruction, for servers that cannot enforce a JSON schema: the prompt asks for one JSON
/// object, and the answer is read back tolerantly.
enum StructuredAnswer {
    /// The messages with an instruction to answer with one JSON object following the schema, added to the system
    /// prompt (or as one when there is none).
    static func messages(_ messages: [ChatMessage], following schema: ResponseSchema) -> [ChatMessage] {
        let instruction =
            "Answer with exactly one JSON object and nothing else: no prose, no code fences. "
            + "The object must follow this JSON schema: \(schema.schema.jsonText)"
        var messages = messages
        if let system = messages.firstIndex(where: { $0.role == "system" }) {
            messages[system].content += "\n\n" + instruction
        } else {
            messages.insert(ChatMessage(role: "system", content: instruction), at: 0)
        }
        return messages
    }

    /// The JSON object in a model's answer, re-serialised compactly; nil when there is none.
    ///
    /// Models wrap JSON in code fences or prose despite instructions: the fenced block is preferred, then the first
    /// balanced `{…}` that parses as an object.
    static func extractObject(from text: String) -> String? {
        let bytes = Array(text.utf8)
        for candidate in fencedBlocks(bytes) + [bytes[...]] {
            var start = candidate.startIndex
            while let open = candidate[start...].firstIndex(of: UInt8(ascii: "{")) {
                if let end = balancedEnd(candidate, from: open),
                    let value = try? JSONValue(parsing: Array(candidate[open...end])), case .object = value
                {
                    return value.jsonText
                }
                start = open + 1
            }
        }
        return nil
    }

    /// The contents of ``` fences, in order.
    static func fencedBlocks(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let fence: [UInt8] = Array("```".utf8)
        var blocks: [ArraySlice<UInt8>] = []
        var position = 0
        var opening: Int?
        while position + fence.count <= bytes.count {
            guard bytes[position..<position + fence.count].elementsEqual(fence) else {
                position += 1
                continue
            }
            if let start = opening {
                blocks.append(bytes[start..<position])
                opening = nil
            } else {
                opening = position + fence.count
            }
            position += fence.count
        }
        return blocks
    }

    /// The index of the `}` closing the `{` at `open`, skipping braces inside strings; nil when it never closes.
    static func balancedEnd(_ bytes: ArraySlice<UInt8>, from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        for index in open..<bytes.endIndex {
            let byte = bytes[index]
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
        }
        return nil
    }
}
