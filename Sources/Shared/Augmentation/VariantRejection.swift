/// Why a variant was not kept, with a stable `code` that is stored and counted per strategy.
public enum VariantRejection: Sendable, Hashable {
    /// Required aspect terms absent from the variant, in the order they were required.
    case missingAspect([String])
    case sentimentChanged
    case lengthOutOfBounds
    case nearCopy
    case drift
    /// ADA or CADA found no aspect term with an alternative to swap in.
    case noReplaceableAspect

    /// The stored reason code.
    public var code: String {
        switch self {
        case .missingAspect: "missing_aspect"
        case .sentimentChanged: "sentiment_changed"
        case .lengthOutOfBounds: "length_out_of_bounds"
        case .nearCopy: "near_copy"
        case .drift: "drift"
        case .noReplaceableAspect: "no_replaceable_aspect"
        }
    }

    /// `{"code": …}`, with `terms` for a missing aspect.
    public var json: JSONValue {
        var object: JSONObject = ["code": .string(code)]
        if case .missingAspect(let terms) = self { object["terms"] = .array(terms.map(JSONValue.string)) }
        return .object(object)
    }
}
