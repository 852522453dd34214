extension OfflineProvider {
    /// `{"judgements":[{"index":N,"coherence":…,"reason":…}]}`: each `### Text N` judged by `OfflineJudge`,
    /// about the product and kind the preamble or system text names.
    func judgements(_ prompt: OfflinePrompt) -> JSONValue {
        let (preamble, sections) = prompt.sections("Text")
        let judge = OfflineJudge(
            product: OfflineBrief.product(in: preamble) ?? OfflineBrief.product(in: prompt.system),
            kind: OfflineBrief.kind(in: preamble) ?? OfflineBrief.kind(in: prompt.system) ?? .supportRequest)
        let items: [JSONValue] = sections.enumerated().map { position, section in
            let (coherence, reason) = judge.judge(section.body)
            return ["index": .int(section.index ?? position), "coherence": .double(coherence), "reason": .string(reason)]
        }
        return ["judgements": .array(items)]
    }
}
