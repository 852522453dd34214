import Stencil

/// A Stencil template body checked against the declared variables: it parses, and every name it reads is a
/// `TemplateVariable` or a loop variable in scope.
///
/// Only the source is kept: Stencil's parsed nodes are classes that are not Sendable, so each render parses
/// again (microseconds against a provider call). Lines outside a block tag keep their whitespace; a line holding
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

    /// Renders with `values`; a variable without a value renders empty and is false in an `if`.
    public func render(_ values: [TemplateVariable: TemplateValue]) throws(TemplateError) -> String {
        var dictionary: [String: Any] = [:]
        for (variable, value) in values { dictionary[variable.rawValue] = value.stencilValue }
        do {
            let parsed = try Self.parse(source)
            return try parsed.template.render(Context(dictionary: dictionary, environment: parsed.environment))
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
