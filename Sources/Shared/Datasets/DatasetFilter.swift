#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Which samples a version takes, besides its job ids. Absent fields match every sample.
public struct DatasetFilter: Sendable, Equatable {
    public var template: String?
    public var templateVersion: String?
    /// Lowest `quality.overall` taken.
    public var minQuality: Double?
    /// Only samples the quality filter kept (the default).
    public var keptOnly: Bool = true
    /// Generated at or after.
    public var from: Date?
    /// Generated before.
    public var to: Date?
    public var product: String?
    /// An augmentation strategy, or `original` for samples that are not variants.
    public var strategy: String?

    public init() {}

    /// The filter as stored with the version, absent fields left out.
    public var json: JSONValue {
        var object = JSONObject()
        object["template"] = template.map(JSONValue.string)
        object["template_version"] = templateVersion.map(JSONValue.string)
        object["min_quality"] = minQuality.map(JSONValue.double)
        object["kept_only"] = .bool(keptOnly)
        object["from"] = from.map { .string(RFC3339.format($0)) }
        object["to"] = to.map { .string(RFC3339.format($0)) }
        object["product"] = product.map(JSONValue.string)
        object["strategy"] = strategy.map(JSONValue.string)
        return .object(object)
    }
}
