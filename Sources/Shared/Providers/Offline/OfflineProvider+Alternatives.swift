extension OfflineProvider {
    /// `{"alternatives":[{"term":…,"alternative":…}]}`: for each `- term (category)` line of the `### Terms`
    /// section, the standard aspect lexicon's first alternatives of the term, as a model that knows the domain
    /// would name them.
    func alternatives(_ prompt: OfflinePrompt) -> JSONValue {
        let lines = prompt.sections("Terms").sections.first?.body.split(separator: "\n") ?? []
        let items: [JSONValue] = lines.flatMap { line -> [JSONValue] in
            guard line.hasPrefix("- ") else { return [] }
            let term = line.dropFirst(2).split(separator: "(").first.map(String.init)?.trimmingSpaces ?? ""
            return AspectLexicon.standard.alternatives(for: term).prefix(AlternativesPrompt.perTerm).map { alternative in
                ["term": .string(term), "alternative": .string(alternative)]
            }
        }
        return ["alternatives": .array(items)]
    }
}
