/// Reads typed fields from a request's body or query, collecting every failure as a `FieldError`.
///
/// Coercion is lax in the way the earlier service's clients rely on: `"5"` and `2.0` are integers, `"0.5"`
/// is a number, `"yes"`/`"off"` are booleans; `2.5` is not an integer.
public struct FieldReader {
    public let source: FieldError.Source
    private let fields: JSONObject
    public private(set) var errors: [FieldError] = []
    /// Fields with no default whose absence is still not an error.
    private var optionalFields: Set<String> = []

    public init(source: FieldError.Source, fields: JSONObject) {
        self.source = source
        self.fields = fields
    }

    /// Whether a failure was recorded for `field`.
    public func hasFailed(_ field: String) -> Bool {
        errors.contains { $0.loc == [source.rawValue, field] }
    }

    /// Adds a failure found by a check of the caller's own.
    public mutating func fail(_ field: String, type: String, msg: String) {
        errors.append(FieldError(type: type, source: source, field: field, msg: msg))
    }

    /// Adds a failure inside a field, e.g. `["constraints", "2"]` for the third item of a list.
    public mutating func fail(at path: [String], type: String, msg: String) {
        errors.append(FieldError(type: type, loc: [source.rawValue] + path, msg: msg))
    }

    /// A string of `length` characters (Unicode scalars, as the earlier service counted them).
    ///
    /// NUL is refused here, for every string field: PostgreSQL can store it in neither `text` nor `jsonb`. Only
    /// a field whose value is sanitised before use (`product`, as the earlier service did) may keep it.
    public mutating func string(
        _ field: String, default fallback: String?, length: ClosedRange<Int>, sanitisedLater: Bool = false
    ) -> String? {
        guard let value = present(field) else { return missing(field, fallback) }
        guard case .string(let text) = value else {
            fail(field, type: "string_type", msg: "Input should be a valid string")
            return nil
        }
        if !sanitisedLater && text.unicodeScalars.contains("\u{0}") {
            fail(field, type: "value_error", msg: "Value error, String should not contain NUL characters (\\u0000)")
            return nil
        }
        if let failure = Self.lengthFailure(text, length) {
            fail(field, type: failure.type, msg: failure.msg)
            return nil
        }
        return text
    }

    /// The error of a string whose length (in Unicode scalars) is outside `length`, or nil.
    static func lengthFailure(_ text: String, _ length: ClosedRange<Int>) -> (type: String, msg: String)? {
        let count = text.unicodeScalars.count
        if count < length.lowerBound {
            let unit = length.lowerBound == 1 ? "character" : "characters"
            return ("string_too_short", "String should have at least \(length.lowerBound) \(unit)")
        }
        if count > length.upperBound {
            return ("string_too_long", "String should have at most \(length.upperBound) characters")
        }
        return nil
    }

    public mutating func int(_ field: String, default fallback: Int?, in range: ClosedRange<Int>) -> Int? {
        guard let value = present(field) else { return missing(field, fallback) }
        let number: Int?
        switch value {
        case .int(let int): number = int
        case .double(let double): number = double.rounded() == double && abs(double) < 9e15 ? Int(double) : nil
        case .string(let text): number = Int(text.trimmingSpaces)
        default: number = nil
        }
        guard let number else {
            fail(field, type: "int_parsing", msg: "Input should be a valid integer, unable to parse input as an integer")
            return nil
        }
        return bounded(field, number, range)
    }

    public mutating func double(_ field: String, default fallback: Double?, in range: ClosedRange<Double>) -> Double? {
        guard let value = present(field) else { return missing(field, fallback) }
        let number: Double?
        switch value {
        case .int, .double: number = value.doubleValue
        case .string(let text): number = Double(text.trimmingSpaces)
        default: number = nil
        }
        guard let number, number.isFinite else {
            fail(field, type: "float_parsing", msg: "Input should be a valid number, unable to parse input as a number")
            return nil
        }
        return bounded(field, number, range)
    }

    public mutating func bool(_ field: String, default fallback: Bool?) -> Bool? {
        guard let value = present(field) else { return missing(field, fallback) }
        switch value {
        case .bool(let flag): return flag
        case .int(0): return false
        case .int(1): return true
        case .string(let text):
            switch text.trimmingSpaces.lowercased() {
            // Exactly the spellings the earlier service documented, in any case.
            case "true", "1", "yes", "on": return true
            case "false", "0", "no", "off": return false
            default: break
            }
        default: break
        }
        fail(field, type: "bool_parsing", msg: "Input should be a valid boolean, unable to interpret input")
        return nil
    }

    // MARK: - Helpers

    /// The field's value; JSON null counts as absent, as the earlier service's optional fields did.
    func present(_ field: String) -> JSONValue? {
        guard let value = fields[field], value != .null else { return nil }
        return value
    }

    mutating func missing<T>(_ field: String, _ fallback: T?) -> T? {
        if fallback == nil && isRequired(field) { fail(field, type: "missing", msg: "Field required") }
        return fallback
    }

    /// Marks fields whose absence is not an error even without a default (e.g. `tone`).
    public mutating func allowAbsent(_ names: String...) { optionalFields.formUnion(names) }

    private func isRequired(_ field: String) -> Bool { !optionalFields.contains(field) }

    private mutating func bounded<T: Comparable & CustomStringConvertible>(
        _ field: String, _ value: T, _ range: ClosedRange<T>
    ) -> T? {
        if value < range.lowerBound {
            fail(field, type: "greater_than_equal", msg: "Input should be greater than or equal to \(range.lowerBound)")
            return nil
        }
        if value > range.upperBound {
            fail(field, type: "less_than_equal", msg: "Input should be less than or equal to \(range.upperBound)")
            return nil
        }
        return value
    }
}

extension StringProtocol {
    /// Without leading and trailing whitespace.
    public var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first?.isWhitespace == true { scalars.removeFirst() }
        while scalars.last?.isWhitespace == true { scalars.removeLast() }
        return String(scalars)
    }
}
