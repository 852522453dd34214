import Shared

/// Resolves a generation request's template name and version against the built-ins and the stored user
/// templates, and pins the result (canonical name, kind, content hash) in the request.
enum TemplatePinning {
    /// The resolved template, with `generation` pinned to it; a 400 naming what exists when the name or the
    /// version does not.
    /// `store` is opened only when the request is not a built-in template, which needs no database.
    static func pin(_ generation: inout GenerationRequest, store: () throws -> TemplateStore) throws -> PromptTemplate {
        var template = PromptTemplate.builtIn(name: generation.templateName, version: generation.version)
        if template == nil {
            let store = try store()
            template = try store.resolve(name: generation.templateName, version: generation.version)
            if template == nil { throw APIError.badRequest(try problem(generation, store: store)) }
        }
        guard let template else { throw APIError.badRequest("Unknown template '\(generation.templateName)'") }
        generation.templateName = template.name
        generation.kind = template.kind
        generation.templateHash = template.contentHash
        return template
    }

    /// Why the request's template does not resolve: an unknown name, or a known name without that version.
    static func problem(_ generation: GenerationRequest, store: TemplateStore) throws -> String {
        let versions = try store.versions(of: generation.templateName)
        guard !versions.isEmpty else {
            let names = Set(PromptTemplate.builtIns.map(\.name)).union(try store.all().map(\.name)).sorted()
            return "Unknown template '\(generation.templateName)'. Available: \(names.joined(separator: ", "))"
        }
        return "Template '\(generation.templateName)' has no version '\(generation.version)'. "
            + "Available: \(versions.joined(separator: ", "))"
    }
}
