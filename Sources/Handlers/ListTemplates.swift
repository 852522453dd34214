import Shared

/// `GET /api/templates`: every template name, built-in and user, with its latest version and all its versions.
struct ListTemplates: Handler {
    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let stored = try TemplateStore(context.connection(), visibleTo: context.visibleOwner).all()
        var names: [String] = []
        var latest: [String: JSONValue] = [:]
        var versions: [String: [JSONValue]] = [:]
        for template in PromptTemplate.builtIns {
            names.append(template.name)
            latest[template.name] = TemplateView.template(template, createdAt: nil)
            versions[template.name, default: []].append(.string(template.version))
        }
        // Stored versions come in version order, so the last one seen of a name is its latest.
        for template in stored {
            if versions[template.name] == nil { names.append(template.name) }
            versions[template.name, default: []].append(.string(template.version))
            if let view = TemplateView.stored(template) { latest[template.name] = view }
        }
        let entries: [JSONValue] = names.compactMap { name in
            guard case .object(var object)? = latest[name] else { return nil }
            object["versions"] = .array(versions[name] ?? [])
            return .object(object)
        }
        return .json(["templates": .array(entries), "default": .string(SampleKind.supportRequest.rawValue)])
    }
}
