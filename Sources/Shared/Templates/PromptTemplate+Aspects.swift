/// The aspect terms augmented jobs look for in a template's samples.
extension PromptTemplate {
    /// The standard lexicon plus this template's own terms, for extracting and swapping the aspects of its samples.
    public var aspectLexicon: AspectLexicon { .standard.extended(with: aspectTerms) }

    /// Aspect terms as the content hash reads them: categories sorted, terms in their given order (the order of
    /// alternatives matters to a swap), separated by control characters no category or term may contain.
    static func canonicalText(of aspectTerms: [String: [String]]) -> String {
        aspectTerms.keys.sorted().map { category in
            ([category] + (aspectTerms[category] ?? [])).joined(separator: "\u{1f}")
        }.joined(separator: "\u{1e}")
    }
}

extension PromptTemplate {
    /// Aspect terms as a JSON object with sorted categories: how the API shows them and `templates.aspect_terms`
    /// stores them.
    public static func json(of aspectTerms: [String: [String]]) -> JSONValue {
        .object(JSONObject(aspectTerms.keys.sorted().map { ($0, .array((aspectTerms[$0] ?? []).map(JSONValue.string))) }))
    }

    /// Aspect terms from their JSON, or nil when it is not an object of string arrays.
    static func aspectTerms(from json: JSONValue) -> [String: [String]]? {
        guard case .object(let object) = json else { return nil }
        var terms: [String: [String]] = [:]
        for (category, value) in object.members {
            guard let items = value.arrayValue else { return nil }
            let strings = items.compactMap(\.stringValue)
            guard strings.count == items.count else { return nil }
            terms[category] = strings
        }
        return terms
    }
}
