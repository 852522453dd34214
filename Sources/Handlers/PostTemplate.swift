import Shared

/// `POST /api/templates`: stores the next version of a named template and answers 201 with it.
///
/// Body `{name, body, description?, kind?, aspect_terms?}`. The body is the user message: a Stencil template that
/// may use only the declared variables (`GET /api/config` lists them); a syntax error or another name is a 422 on
/// `["body","body"]` naming the line. A built-in name's versions start at v2; `kind` defaults to the
/// built-in's kind for a built-in name, else to `support_request`. `aspect_terms` (category → 1…50 terms, at
/// most 20 categories) adds the template's own terms to the aspect lexicon of augmented jobs and is part of the
/// version's content hash.
struct PostTemplate: Handler {
    static let namePattern = "^[a-z][a-z0-9_]{1,63}$"

    func handle(_ request: Request, context: HandlerContext) throws -> Response {
        let object = try GenerationRequest.jsonObject(body: request.body)
        var reader = FieldReader(source: .body, fields: object)
        reader.allowAbsent("description", "kind", "aspect_terms")
        let name = reader.string("name", default: nil, length: 2...64)
        let source = reader.string("body", default: nil, length: 1...20_000)
        let description = reader.string("description", default: "", length: 0...500)
        let kindName = reader.string("kind", default: nil, length: 1...64)
        let aspectTerms = reader.aspectTerms("aspect_terms")
        if let name, !Self.isValidName(name) {
            reader.fail("name", type: "value_error", msg: "Value error, name must match \(Self.namePattern)")
        }
        var kind = kindName.flatMap(SampleKind.init(name:)) ?? name.flatMap(SampleKind.init(name:)) ?? .supportRequest
        if let kindName {
            if let named = SampleKind(name: kindName) {
                kind = named
            } else {
                let kinds = SampleKind.allCases.map(\.rawValue).joined(separator: ", ")
                reader.fail("kind", type: "value_error", msg: "Value error, Unknown kind '\(kindName)'. Available: \(kinds)")
            }
        }
        var body: TemplateBody?
        if let source {
            let problems = TemplateBody.problems(in: source)
            for problem in problems { reader.fail("body", type: "value_error", msg: "Value error, \(problem.message)") }
            if problems.isEmpty { body = try? TemplateBody(source) }
        }
        guard reader.errors.isEmpty, let name, let body, let description, let aspectTerms else {
            throw APIError.validation(reader.errors)
        }
        let connection = try context.connection()
        let stored = try connection.transaction { connection in
            let stored = try TemplateStore(connection).createNextVersion(
                name: name, kind: kind, description: description, body: body, aspectTerms: aspectTerms,
                ownerKeyID: context.caller?.id)
            try AuditStore(connection).append(
                AuditEntry(
                    actor: context.actor, action: "template.created", subjectType: "template",
                    subjectID: "\(stored.name)/\(stored.version)", requestID: context.requestID,
                    details: ["content_hash": .string(stored.contentHash), "kind": .string(kind.rawValue)]))
            return stored
        }
        guard let view = TemplateView.stored(stored) else { throw APIError.badRequest("Template body does not validate") }
        return .json(view, status: 201)
    }

    static func isValidName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard (2...64).contains(scalars.count), let first = scalars.first, ("a"..."z").contains(first) else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
