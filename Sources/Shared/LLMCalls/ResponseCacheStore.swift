/// Provider answers kept for deterministic calls, so an identical call is answered without the provider.
public struct ResponseCacheStore {
    let connection: Connection

    public init(_ connection: Connection) {
        self.connection = connection
    }

    /// The cached completions among `fingerprints`, by index into it.
    public func lookup(_ fingerprints: [String]) throws(DatabaseError) -> [Int: Completion] {
        guard !fingerprints.isEmpty else { return [:] }
        var found: [Int: Completion] = [:]
        for row in try connection.execute(ResponseCacheSQL.lookup, [fingerprints]) {
            let texts = (try row.decode("texts", as: JSONValue.self)).arrayValue?.compactMap(\.stringValue) ?? []
            guard !texts.isEmpty else { continue }
            let position: Int = try row.decode("position")
            found[position - 1] = Completion(
                texts: texts, inputTokens: try row.decode("tokens_in"), outputTokens: try row.decode("tokens_out"),
                model: try row.decode("model"))
        }
        return found
    }

    public func store(fingerprint: String, provider: String, completion: Completion) throws(DatabaseError) {
        try connection.execute(
            ResponseCacheSQL.store,
            [
                fingerprint, provider, completion.model, JSONValue.array(completion.texts.map(JSONValue.string)),
                completion.inputTokens, completion.outputTokens,
            ])
    }
}
