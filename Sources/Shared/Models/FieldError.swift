/// One failed check of one input field, in the shape of the earlier service's 422 bodies.
public struct FieldError: Sendable, Equatable {
    /// Where the input came from.
    public enum Source: String, Sendable {
        case body, query, path
    }

    /// The error type clients switch on: `missing`, `string_too_short`, `less_than_equal`, `int_parsing`, …
    public var type: String
    /// `["body","count"]`, `["query","augment_ratio"]`, or `["body"]` for the body as a whole.
    public var loc: [String]
    public var msg: String

    public init(type: String, loc: [String], msg: String) {
        self.type = type
        self.loc = loc
        self.msg = msg
    }

    public init(type: String, source: Source, field: String?, msg: String) {
        self.init(type: type, loc: [source.rawValue] + (field.map { [$0] } ?? []), msg: msg)
    }

    var json: JSONValue {
        ["type": .string(type), "loc": .array(loc.map(JSONValue.string)), "msg": .string(msg)]
    }
}
