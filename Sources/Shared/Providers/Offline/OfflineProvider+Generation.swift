extension OfflineProvider {
    /// Prose for the prompt's one brief (its user text, with the system text as context); each further choice
    /// draws another text.
    func generation(_ prompt: OfflinePrompt, choice: Int) -> String {
        var seed = prompt.seed(for: prompt.user)
        if choice > 0 { seed = StableHash.combine(seed, UInt64(choice)) }
        return OfflineProse.text(for: OfflineBrief(reading: prompt.user, context: prompt.system, seed: seed))
    }

    /// `{"samples":[{"index":N,"text":…}]}`: one text per `### Brief N`, each read on its own with the system
    /// text and the preamble as context; a prompt without briefs is one brief numbered 0.
    func samples(_ prompt: OfflinePrompt) -> JSONValue {
        let (preamble, sections) = prompt.sections("Brief")
        let briefs = sections.isEmpty ? [OfflinePrompt.Section(index: 0, body: preamble)] : sections
        let context = prompt.system + "\n\n" + preamble
        var answered: Set<Int> = []
        var items: [JSONValue] = []
        for (position, section) in briefs.enumerated() {
            let index = section.index ?? position
            guard answered.insert(index).inserted else { continue }
            let seed = prompt.seed(for: "\(index)\u{1F}" + preamble + "\u{1F}" + section.body)
            let brief = OfflineBrief(reading: section.body, context: context, index: index, seed: seed)
            items.append(["index": .int(index), "text": .string(OfflineProse.text(for: brief))])
        }
        return ["samples": .array(items)]
    }

    /// A schema we do not know: prose for the prompt, as the schema's first string property when it has one.
    func answer(_ prompt: OfflinePrompt, following schema: ResponseSchema) -> String {
        let text = generation(prompt, choice: 0)
        guard case .object(let properties)? = schema.schema["properties"],
            let field = properties.members.first(where: { $0.value["type"] == "string" })?.key
        else { return text }
        return JSONValue.object([field: .string(text)]).jsonText
    }
}
