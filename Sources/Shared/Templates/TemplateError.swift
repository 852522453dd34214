/// Why a template body cannot be stored or rendered.
public enum TemplateError: Error, Sendable, Equatable {
    /// The body does not parse; `line` is 1-based.
    case syntax(line: Int, reason: String)
    /// The body uses a name that is not a `TemplateVariable` (nor a loop variable in scope).
    case undeclaredVariable(name: String, line: Int)
    /// Rendering failed (a filter refused its input, for instance).
    case render(String)

    /// The message a client sees in a 422 or a failed job.
    public var message: String {
        switch self {
        case .syntax(let line, let reason):
            return "Template syntax error on line \(line): \(reason)"
        case .undeclaredVariable(let name, let line):
            return "Template error on line \(line): undeclared variable \(name) (declared: "
                + TemplateVariable.names.joined(separator: ", ") + ")"
        case .render(let reason):
            return "Template rendering failed: \(reason)"
        }
    }
}
