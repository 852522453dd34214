import Shared

/// `GET /api/templates/{name}/versions/{version}`: one version with its body and content hash; 404 if unknown.
struct GetTemplateVersion: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let (name, version) = TemplateView.pathNameAndVersion(request)
        if let builtIn = PromptTemplate.builtIn(name: name, version: version) {
            return .json(TemplateView.template(builtIn, createdAt: nil))
        }
        let store = TemplateStore(try context.connection(), visibleTo: context.visibleOwner)
        guard let stored = try store.find(name: name, version: version),
            let view = TemplateView.stored(stored)
        else {
            throw APIError.notFound("Template \(name) has no version \(version)")
        }
        return .json(view)
    }
}
