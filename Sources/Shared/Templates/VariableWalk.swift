import Stencil

/// Finds the names a parsed Stencil body reads that are not declared, by walking its nodes with `Mirror`.
///
/// Most node classes are internal to Stencil, so the walk goes by stored properties: it descends into every
/// child, takes each `Variable` it meets as a read, opens a scope for a `for` node's loop variables (seen by
/// its `loopVariables` property) and for the `filter` tag's implicit `filter_value`. Stencil is pinned;
/// `TemplateBodyTests` fails if a new version hides variables from this walk.
struct VariableWalk {
    let declared: Set<String>
    private(set) var undeclared: [String] = []

    init(declared: Set<String>) {
        self.declared = declared
    }

    mutating func walk(_ value: Any, scope: Set<String>, depth: Int = 0) {
        // Parsed bodies are shallow trees; the bound only guards against an unexpected cycle.
        guard depth < 200 else { return }
        if let variable = value as? Variable {
            note(variable.variable, scope: scope)
            return
        }
        if value is Token || value is String { return }
        let mirror = Mirror(reflecting: value)
        let children = Self.children(of: mirror)
        if let loopVariables = children["loopVariables"] as? [String] {
            let inner = scope.union(loopVariables).union(["forloop"])
            visit(children["resolvable"], scope: scope, depth: depth)
            visit(children["nodes"], scope: inner, depth: depth)
            visit(children["where"], scope: inner, depth: depth)
            visit(children["emptyNodes"], scope: scope, depth: depth)
            return
        }
        if String(describing: type(of: value)) == "FilterNode" {
            visit(children["resolvable"], scope: scope.union(["filter_value"]), depth: depth)
            visit(children["nodes"], scope: scope, depth: depth)
            return
        }
        // A filter expression keeps its filters before its variable; the variable is read first.
        visit(children["variable"], scope: scope, depth: depth)
        var current: Mirror? = mirror
        while let level = current {
            for child in level.children where child.label != "variable" {
                walk(child.value, scope: scope, depth: depth + 1)
            }
            current = level.superclassMirror
        }
    }

    private mutating func visit(_ value: Any?, scope: Set<String>, depth: Int) {
        if let value { walk(value, scope: scope, depth: depth + 1) }
    }

    /// Stored properties by label, including those of superclasses (`MoreThanExpression` keeps its operands in
    /// `NumericExpression`).
    private static func children(of mirror: Mirror) -> [String: Any] {
        var children: [String: Any] = [:]
        var current: Mirror? = mirror
        while let level = current {
            for child in level.children {
                if let label = child.label, children[label] == nil { children[label] = child.value }
            }
            current = level.superclassMirror
        }
        return children
    }

    private mutating func note(_ expression: String, scope: Set<String>) {
        guard let name = Self.rootName(expression), !declared.contains(name), !scope.contains(name),
            !undeclared.contains(name)
        else { return }
        undeclared.append(name)
    }

    /// The context name an expression starts from (`examples` in `examples.0`), or nil for a literal.
    static func rootName(_ expression: String) -> String? {
        guard let first = expression.unicodeScalars.first else { return nil }
        if first == "\"" || first == "'" || Int(expression) != nil || Double(expression) != nil
            || expression == "true" || expression == "false"
        {
            return nil
        }
        let root = expression.prefix { $0 != "." && $0 != "[" }
        return root.isEmpty ? nil : String(root)
    }
}
