/// A value a template variable can hold.
public enum TemplateValue: Sendable, Equatable {
    case text(String)
    case int(Int)
    case list([String])

    var stencilValue: Any {
        switch self {
        case .text(let text): return text
        case .int(let number): return number
        case .list(let items): return items
        }
    }
}
