/// The kind of thing an aspect term names: a facet of the product, of the service around it, or of the experience
/// of using it.
///
/// Open rather than an enum, so a template can bring a category of its own ("dish", "room"); the three standard ones
/// are named constants. The raw value is what lineage metadata records.
public struct AspectCategory: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    /// A category name is compared lower-cased and trimmed, so "Product" from a template is `product`.
    public init(rawValue: String) {
        self.rawValue = rawValue.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    public init(_ name: String) { self.init(rawValue: name) }

    public static let product = AspectCategory("product")
    public static let service = AspectCategory("service")
    public static let experience = AspectCategory("experience")

    public var description: String { rawValue }

    public static func < (left: AspectCategory, right: AspectCategory) -> Bool { left.rawValue < right.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
