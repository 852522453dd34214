/// User templates on one connection, and the resolution of a name and version against built-ins and them.
///
/// A store made for an owner reads only that key's stored versions, so another key's template reads as absent
/// (built-ins are everyone's); version numbers stay one sequence per name across keys.
public struct TemplateStore {
    let connection: Connection
    /// The key whose stored versions alone are visible; nil for all.
    let owner: String?

    public init(_ connection: Connection, visibleTo owner: String? = nil) {
        self.connection = connection
        self.owner = owner
    }

    /// Stores the next version of `name` (v2 first for a built-in name) with its aspect terms, owned by
    /// `ownerKeyID` (nil: by no key), and returns it. Takes a lock on the name until the caller's transaction
    /// ends, so concurrent uploads get consecutive versions.
    public func createNextVersion(
        name: String, kind: SampleKind, description: String, body: TemplateBody,
        aspectTerms: [String: [String]] = [:], ownerKeyID: String? = nil
    ) throws(DatabaseError) -> StoredTemplate {
        try connection.execute(TemplateSQL.lockName, [name])
        let builtInVersions = PromptTemplate.builtIns.contains { $0.name == name } ? 1 : 0
        let rows = try connection.execute(
            TemplateSQL.insertNextVersion,
            [name, kind.rawValue, description, body.source,
             PromptTemplate.userHash(kind: kind, body: body, aspectTerms: aspectTerms), builtInVersions,
             PromptTemplate.json(of: aspectTerms), ownerKeyID])
        guard let row = rows.first else {
            throw DatabaseError(
                .unexpectedResult, message: "insert returned no row", statement: TemplateSQL.insertNextVersion.name)
        }
        return try StoredTemplate(row: row)
    }

    /// One visible stored version, or nil.
    public func find(name: String, version: String) throws(DatabaseError) -> StoredTemplate? {
        guard let row = try connection.execute(TemplateSQL.findVersion, [name, version, owner]).first else {
            return nil
        }
        return try StoredTemplate(row: row)
    }

    /// Every visible stored version, by name and version number.
    public func all() throws(DatabaseError) -> [StoredTemplate] {
        var templates: [StoredTemplate] = []
        for row in try connection.execute(TemplateSQL.listAll, [owner]) {
            templates.append(try StoredTemplate(row: row))
        }
        return templates
    }

    /// The visible versions `name` has, built-in first; empty for an unknown name.
    public func versions(of name: String) throws(DatabaseError) -> [String] {
        var versions = PromptTemplate.builtIns.filter { $0.name == name }.map(\.version)
        for row in try connection.execute(TemplateSQL.listVersions, [name, owner]) {
            versions.append(try row.decode("version"))
        }
        return versions
    }

    /// The template `name` at `version`: a built-in if there is one, else a stored version; nil when neither
    /// exists. `chatbot_reply`, the old name of `chatbot_conversation`, resolves to it.
    public func resolve(name: String, version: String) throws(DatabaseError) -> PromptTemplate? {
        let canonical = SampleKind(name: name)?.rawValue ?? name
        if let builtIn = PromptTemplate.builtIn(name: canonical, version: version) { return builtIn }
        return try find(name: canonical, version: version)?.template
    }
}
