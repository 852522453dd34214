import Stencil

/// A Stencil template body checked against the declared variables: it parses, and every name it reads is a
/// `TemplateVariable` or a loop variable in scope.
///
/// Only the source is kept: Stencil's parsed nodes are classes that are not Sendable, so a renderer parses once
/// into a `Prepared` body of its own (a parse is about as costly as a render). Lines outside a block tag keep
/// their whitespace; a line holding
/// only a block tag disappears (Stencil's smart trimming), so bodies can put each `{% if %}` on its own line.
public struct TemplateBody: Sendable, Equatable {
    public let source: String

    /// Tags a body may use; `include`, `extends`, `block` and `now` would read files or the clock.
    static let allowedTags: Set<String> = [
        "if", "elif", "else", "endif", "ifnot", "for", "empty", "endfor", "break", "continue", "filter", "endfilter",
    ]

    /// Checks `source`, throwing its first problem (syntax error, then the first undeclared variable).
    public init(_ source: String) throws(TemplateError) {
        if let problem = Self.problems(in: source).first { throw problem }
        self.source = source
    }

    /// Every problem of `source` in line order: a syntax error alone, or each undeclared variable once.
    public static func problems(in source: String) -> [TemplateError] {
        let tags = TemplateTag.scan(source)
        for tag in tags where tag.kind == .block {
            guard let name = tag.tagName, !allowedTags.contains(name) else { continue }
            return [.syntax(line: tag.line, reason: "Unknown or unsupported tag '\(name)'")]
        }
        let nodes: [NodeType]
        do {
            nodes = try parse(source).nodes
        } catch {
            return [syntaxError(error, source: source, tags: tags)]
        }
        var walk = VariableWalk(declared: Set(TemplateVariable.names))
        walk.walk(nodes, scope: [])
        return walk.undeclared.map { name in
            .undeclaredVariable(name: name, line: TemplateTag.firstUse(of: name, in: tags) ?? 1)
        }
    }

    /// The names `source` reads that are neither declared nor loop variables in scope, in order of appearance.
    static func undeclaredNames(in source: String) throws -> [String] {
        var walk = VariableWalk(declared: Set(TemplateVariable.names))
        walk.walk(try parse(source).nodes, scope: [])
        return walk.undeclared
    }

    /// The body parsed once, to render many times on one thread. Stencil's smart trimming is done here, once,
    /// on the source (`smartTrimmed`): applied at render time it runs regular expressions over every text
    /// node of every prompt, most of a render's cost.
    public func prepared() throws(TemplateError) -> Prepared {
        do {
            let environment = Environment(trimBehaviour: .nothing)
            let template = Template(templateString: Self.smartTrimmed(source), environment: environment)
            let nodes = try TokenParser(tokens: template.tokens, environment: environment).parse()
            return Prepared(nodes: nodes, environment: environment)
        } catch {
            throw .render("\(error)")
        }
    }

    /// A parsed body. Stencil's nodes are not Sendable: a prepared body stays with the one thread that made it.
    public final class Prepared {
        private let nodes: [NodeType]
        private let environment: Environment

        init(nodes: [NodeType], environment: Environment) {
            self.nodes = nodes
            self.environment = environment
        }

        /// Renders with `values`, as `TemplateBody.render(_:)` does.
        public func render(_ values: [TemplateVariable: TemplateValue]) throws(TemplateError) -> String {
            do {
                return try renderNodes(nodes, Context(dictionary: TemplateBody.context(values), environment: environment))
            } catch {
                throw .render("\(error)")
            }
        }
    }

    /// `source` as Stencil's smart trimming leaves it around block tags: the spaces and tabs before a tag go
    /// (also those ending the line before it, when only a newline separates them), and so do the spaces and
    /// tabs after it when a newline follows, with that newline.
    static func smartTrimmed(_ source: String) -> String {
        let bytes = Array(source.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "{"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "%"),
                let close = closingTag(bytes, from: position + 2)
            else {
                output.append(bytes[position])
                position += 1
                continue
            }
            // Stencil trims `[ \t]*$`, and `$` also matches before a final newline.
            if output.last == UInt8(ascii: "\n") {
                output.removeLast()
                Self.dropTrailingBlanks(&output)
                output.append(UInt8(ascii: "\n"))
            }
            Self.dropTrailingBlanks(&output)
            output += bytes[position..<close]
            position = close
            var after = position
            while after < bytes.count, bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") { after += 1 }
            if after < bytes.count, bytes[after] == UInt8(ascii: "\n") { position = after + 1 }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func dropTrailingBlanks(_ output: inout [UInt8]) {
        while let last = output.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { output.removeLast() }
    }

    /// The index just past the `%}` closing a block tag opened before `start`.
    private static func closingTag(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), bytes[index + 1] == UInt8(ascii: "}") { return index + 2 }
            index += 1
        }
        return nil
    }

    static func context(_ values: [TemplateVariable: TemplateValue]) -> [String: Any] {
        var dictionary: [String: Any] = [:]
        for (variable, value) in values { dictionary[variable.rawValue] = value.stencilValue }
        return dictionary
    }

    /// Renders with `values`; a variable without a value renders empty and is false in an `if`.
    public func render(_ values: [TemplateVariable: TemplateValue]) throws(TemplateError) -> String {
        do {
            let parsed = try Self.parse(source)
            return try renderNodes(parsed.nodes, Context(dictionary: Self.context(values), environment: parsed.environment))
        } catch {
            throw .render("\(error)")
        }
    }

    private static func parse(_ source: String) throws -> (template: Template, environment: Environment, nodes: [NodeType]) {
        let environment = Environment(trimBehaviour: .smart)
        let template = Template(templateString: source, environment: environment)
        let nodes = try TokenParser(tokens: template.tokens, environment: environment).parse()
        return (template, environment, nodes)
    }

    /// The line of a Stencil error from our own tag scan: Stencil's lexer maps a repeated line to its first
    /// occurrence, so its line numbers are not trusted; its tokens are matched to ours by their order.
    private static func syntaxError(_ error: Error, source: String, tags: [TemplateTag]) -> TemplateError {
        guard let syntax = error as? TemplateSyntaxError else { return .syntax(line: 1, reason: "\(error)") }
        var line = Int(syntax.token?.sourceMap.location.lineNumber ?? 1)
        if let token = syntax.token {
            let tokens = Template(templateString: source).tokens.filter { $0.kind != .text }
            if let index = tokens.firstIndex(where: { $0 === token || $0 == token }), index < tags.count {
                line = tags[index].line
            }
        }
        return .syntax(line: max(line, 1), reason: syntax.reason)
    }
}
