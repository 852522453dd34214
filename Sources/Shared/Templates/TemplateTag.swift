/// One `{{ … }}`, `{% … %}` or `{# … #}` tag of a body with its line, found by a scan of our own.
///
/// Stencil's lexer finds a token's line by searching for the line's text, so a repeated line is reported
/// where it first occurs; error lines come from this scan instead, which sees tags in Stencil's order.
struct TemplateTag: Equatable {
    enum Kind: Equatable { case variable, block, comment }

    var kind: Kind
    /// 1-based line of the opening brace.
    var line: Int
    /// The text between the delimiters, without whitespace-control marks or surrounding spaces.
    var contents: String

    /// The tag's name for a block (`for`, `endif`), skipping a loop label such as `outer:`.
    var tagName: String? {
        let words = contents.split(separator: " ")
        guard kind == .block, let first = words.first else { return nil }
        if first.hasSuffix(":"), words.count > 1 { return String(words[1]) }
        return String(first)
    }

    /// Every tag of `source`, in order.
    static func scan(_ source: String) -> [TemplateTag] {
        let scalars = Array(source.unicodeScalars)
        var tags: [TemplateTag] = []
        var line = 1
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" { line += 1 }
            guard scalar == "{", index + 1 < scalars.count, let kind = kind(opening: scalars[index + 1]) else {
                index += 1
                continue
            }
            let closing: Unicode.Scalar = kind == .variable ? "}" : (kind == .block ? "%" : "#")
            var end = index + 2
            while end + 1 < scalars.count, !(scalars[end] == closing && scalars[end + 1] == "}") { end += 1 }
            guard end + 1 < scalars.count else { break }
            var text = String(String.UnicodeScalarView(scalars[(index + 2)..<end]))
            if text.hasPrefix("-") || text.hasPrefix("+") { text.removeFirst() }
            if text.hasSuffix("-") || text.hasSuffix("+") { text.removeLast() }
            tags.append(TemplateTag(kind: kind, line: line, contents: text.trimmingSpaces))
            line += scalars[index..<(end + 2)].filter { $0 == "\n" }.count
            index = end + 2
        }
        return tags
    }

    private static func kind(opening scalar: Unicode.Scalar) -> Kind? {
        switch scalar {
        case "{": return .variable
        case "%": return .block
        case "#": return .comment
        default: return nil
        }
    }

    /// The line of the first tag that reads `name` outside a loop declaring it.
    static func firstUse(of name: String, in tags: [TemplateTag]) -> Int? {
        var loops: [[String]] = []
        for tag in tags where tag.kind != .comment {
            var names = tag.readNames
            if tag.tagName == "for" {
                loops.append(tag.loopVariables)
                names = tag.readNames.filter { !tag.loopVariables.contains($0) }
            } else if tag.tagName == "endfor" {
                _ = loops.popLast()
                continue
            }
            let inScope = loops.contains { $0.contains(name) }
            if names.contains(name), !(inScope && tag.tagName != "for") { return tag.line }
        }
        return nil
    }

    /// The names a `for` tag declares (`x, y` in `for x, y in pairs`).
    var loopVariables: [String] {
        guard let inRange = contents.range(of: " in ") else { return [] }
        let head = contents[..<inRange.lowerBound].split(separator: " ").dropFirst().joined(separator: " ")
        let declared = head.hasSuffix(":") ? "" : head
        return declared.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// Root identifiers the tag reads: words outside quotes not after `.` (a key path) or `|` (a filter name),
    /// skipping a block's tag name.
    var readNames: [String] {
        var names: [String] = []
        var word = ""
        var quote: Character?
        var previous: Character = " "
        var skipNext = kind == .block
        func finish() {
            if !word.isEmpty {
                if skipNext { skipNext = false } else if previous != "." && previous != "|" { names.append(word) }
            }
            word = ""
        }
        var lastSignificant: Character = " "
        for character in contents {
            if let open = quote {
                if character == open { quote = nil }
                lastSignificant = character
                continue
            }
            if character.isLetter || character == "_" || (!word.isEmpty && character.isNumber) {
                if word.isEmpty { previous = lastSignificant }
                word.append(character)
                continue
            }
            finish()
            if character == "\"" || character == "'" { quote = character }
            if character != " " { lastSignificant = character }
        }
        finish()
        return names
    }
}
