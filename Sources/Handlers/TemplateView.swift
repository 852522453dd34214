import Shared

/// The JSON of templates, shared by the template endpoints.
enum TemplateView {
    /// One version: what it is, its body, its own aspect terms and its hash.
    static func template(_ template: PromptTemplate, createdAt: String?) -> JSONValue {
        [
            "name": .string(template.name), "version": .string(template.version), "kind": .string(template.kind.rawValue),
            "description": .string(template.description), "built_in": .bool(template.isBuiltIn),
            "system": .string(template.system.source), "body": .string(template.user.source),
            "aspect_terms": PromptTemplate.json(of: template.aspectTerms),
            "content_hash": .string(template.contentHash), "created_at": createdAt.map(JSONValue.string) ?? .null,
        ]
    }

    /// A stored version, or nil when its body no longer validates.
    static func stored(_ stored: StoredTemplate) -> JSONValue? {
        stored.template.map { template(_: $0, createdAt: RFC3339.format(stored.createdAt)) }
    }

    /// The name and version path parameters of `/api/templates/{name}/versions/{version}`.
    static func pathNameAndVersion(_ request: Request) -> (name: String, version: String) {
        (request.pathParameters["name"] ?? "", request.pathParameters["version"] ?? "")
    }
}
