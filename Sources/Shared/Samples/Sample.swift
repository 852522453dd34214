#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One generated text with everything known about how it was made.
public struct Sample: Sendable, Equatable {
    public var jobID: UUID
    public var index: Int
    public var id: UUID
    public var kind: SampleKind
    public var product: String
    /// The template's name (a built-in one is named after its kind) and version.
    public var template: String
    public var templateVersion: String
    public var promptVersion: String
    public var temperature: Double
    public var text: String
    public var tokensEstimated: Int
    public var provider: String
    public var model: String
    public var quality: JSONValue
    public var kept: Bool
    public var filterReason: String?
    public var lineage: JSONValue?
    /// SHA-256 of the normalised text (hex): the exact key of the de-duplication index.
    public var contentHash: String?
    public var metadata: JSONValue
    public var generatedAt: Date

    public init(
        jobID: UUID, index: Int, id: UUID, kind: SampleKind, product: String, templateVersion: String,
        promptVersion: String, temperature: Double, text: String, tokensEstimated: Int, provider: String,
        model: String, metadata: JSONValue, generatedAt: Date = .now
    ) {
        self.jobID = jobID
        self.index = index
        self.id = id
        self.kind = kind
        self.product = product
        self.template = kind.rawValue
        self.templateVersion = templateVersion
        self.promptVersion = promptVersion
        self.temperature = temperature
        self.text = text
        self.tokensEstimated = tokensEstimated
        self.provider = provider
        self.model = model
        self.quality = [:]
        self.kept = true
        self.filterReason = nil
        self.lineage = nil
        self.contentHash = nil
        self.metadata = metadata
        self.generatedAt = generatedAt
    }

    init(jobID: UUID, row: Row) throws(DatabaseError) {
        let kindName: String = try row.decode("kind")
        guard let kind = SampleKind(name: kindName) else {
            throw DatabaseError(.decoding, message: "unknown sample kind \(kindName)")
        }
        self.init(
            jobID: jobID, index: try row.decode("idx"), id: try row.decode("id"), kind: kind,
            product: try row.decode("product"), templateVersion: try row.decode("template_version"), promptVersion: try row.decode("prompt_version"),
            temperature: try row.decode("temperature"), text: try row.decode("text"),
            tokensEstimated: try row.decode("tokens_estimated"), provider: try row.decode("provider"),
            model: try row.decode("model"), metadata: try row.decode("metadata"),
            generatedAt: try row.decode("generated_at"))
        quality = try row.decode("quality")
        kept = try row.decode("kept")
        filterReason = try row.decodeIfPresent("filter_reason")
        lineage = try row.decodeIfPresent("lineage")
        template = try row.decode("template")
        contentHash = try row.decodeIfPresent("content_hash")
    }
}
