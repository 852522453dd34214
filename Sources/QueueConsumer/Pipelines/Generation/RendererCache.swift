import Shared

/// The consumer's prompt renderers by template content hash: checking and parsing a template costs more than
/// a few dozen renders, and a consumer runs many jobs of the same few templates. A content hash names one
/// template's content for good, so an entry never goes stale. Lives on the claim loop's thread, as the
/// renderers' parsed bodies must.
final class RendererCache {
    /// Templates kept at most; past it the cache starts over (user templates are many only by mistake).
    static let capacity = 64
    private var renderers: [String: PromptRenderer] = [:]

    /// Templates held now.
    var count: Int { renderers.count }

    func renderer(for template: PromptTemplate) throws(TemplateError) -> PromptRenderer {
        if let renderer = renderers[template.contentHash] { return renderer }
        let renderer = try PromptRenderer(template)
        if renderers.count >= Self.capacity { renderers.removeAll(keepingCapacity: true) }
        renderers[template.contentHash] = renderer
        return renderer
    }
}
