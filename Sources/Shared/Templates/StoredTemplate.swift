#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One stored version of a user template, as `templates` holds it.
public struct StoredTemplate: Sendable, Equatable {
    public var name: String
    public var version: String
    public var kind: SampleKind
    public var description: String
    public var body: String
    /// Category name → aspect terms, as uploaded; empty for a version without terms.
    public var aspectTerms: [String: [String]]
    public var contentHash: String
    public var createdAt: Date

    init(row: Row) throws(DatabaseError) {
        let kindName: String = try row.decode("kind")
        guard let kind = SampleKind(name: kindName) else {
            throw DatabaseError(.decoding, message: "unknown template kind \(kindName)", statement: "templates")
        }
        name = try row.decode("name")
        version = try row.decode("version")
        self.kind = kind
        description = try row.decode("description")
        body = try row.decode("body")
        guard let terms = PromptTemplate.aspectTerms(from: try row.decode("aspect_terms", as: JSONValue.self)) else {
            throw DatabaseError(.decoding, message: "aspect_terms is not an object of term lists", statement: "templates")
        }
        aspectTerms = terms
        contentHash = try row.decode("content_hash")
        createdAt = try row.decode("created_at")
    }

    /// The template to render, or nil when the stored body no longer validates (a declared variable removed).
    public var template: PromptTemplate? {
        guard let body = try? TemplateBody(body) else { return nil }
        return PromptTemplate.user(
            name: name, version: version, kind: kind, description: description, body: body, aspectTerms: aspectTerms)
    }
}
