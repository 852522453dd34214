/// User templates on one connection, and the resolution of a name and version against built-ins and them.
public struct TemplateStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// Stores the next version of `name` (v2 first for a built-in name) with its aspect terms and returns it.
    /// Takes a lock on the name until the caller's transaction ends, so concurrent uploads get consecutive versions.
    public func createNextVersion(
        name: String, kind: SampleKind, description: String, body: TemplateBody,
        aspectTerms: [String: [String]] = [:]
    ) throws(DatabaseError) -> StoredTemplate {
        try connection.execute(TemplateSQL.lockName, [name])
        let builtInVersions = PromptTemplate.builtIns.contains { $0.name == name } ? 1 : 0
        let rows = try connection.execute(
            TemplateSQL.insertNextVersion,
            [name, kind.rawValue, description, body.source,
             PromptTemplate.userHash(kind: kind, body: body, aspectTerms: aspectTerms), builtInVersions,
             PromptTemplate.json(of: aspectTerms)])
        guard let row = rows.first else {
            throw DatabaseError(
                .unexpectedResult, message: "insert returned no row", statement: TemplateSQL.insertNextVersion.name)
        }
        return try StoredTemplate(row: row)
    }

    /// One stored version, or nil.
    public func find(name: String, version: String) throws(DatabaseError) -> StoredTemplate? {
        guard let row = try connection.execute(TemplateSQL.findVersion, [name, version]).first else { return nil }
        return try StoredTemplate(row: row)
    }

    /// Every stored version, by name and version number.
    public func all() throws(DatabaseError) -> [StoredTemplate] {
        var templates: [StoredTemplate] = []
        for row in try connection.execute(TemplateSQL.listAll) { templates.append(try StoredTemplate(row: row)) }
        return templates
    }

    /// The versions `name` has, built-in first; empty for an unknown name.
    public func versions(of name: String) throws(DatabaseError) -> [String] {
        var versions = PromptTemplate.builtIns.filter { $0.name == name }.map(\.version)
        for row in try connection.execute(TemplateSQL.listVersions, [name]) { versions.append(try row.decode("version")) }
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
