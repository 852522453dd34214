/// A completion request as the offline provider reads it: system text, user text split at `### <Label> N`
/// headers, and the seeds its answers are drawn from.
///
/// Seeds mix the request's seed (when set) with a stable hash of the prompt text, so equal prompts get equal
/// answers in every process, and prompts that differ in a word get different ones.
struct OfflinePrompt {
    /// One `### <Label> N` part of the user text; `index` is nil when the header has no number.
    struct Section {
        var index: Int?
        var body: String
    }

    /// The system messages, joined.
    let system: String
    /// The user messages, joined.
    let user: String
    private let requestSeed: UInt64

    init(_ request: CompletionRequest) {
        system = request.messages.filter { $0.role == "system" }.map(\.content).joined(separator: "\n\n")
        user = request.messages.filter { $0.role != "system" }.map(\.content).joined(separator: "\n\n")
        // A distinct constant without a seed, so a request with seed 0 does not answer like one without.
        requestSeed = request.seed.map { UInt64(truncatingIfNeeded: $0) } ?? 0x5EED_0FF1_1AE0_0000
    }

    /// The seed of an answer to `part` of the prompt (the system text always counts).
    func seed(for part: String) -> UInt64 {
        let text = system + "\u{1F}" + part
        return StableHash.combine(StableHash.mix(requestSeed), StableHash.bytes(text.utf8))
    }

    /// The text before the first `### <label>` header, and the sections under each such header, in order.
    func sections(_ label: String) -> (preamble: String, sections: [Section]) {
        let prefix = "### " + label.lowercased()
        var preamble: [Substring] = []
        var sections: [(index: Int?, lines: [Substring])] = []
        func append(_ line: Substring) {
            if sections.isEmpty { preamble.append(line) } else { sections[sections.count - 1].lines.append(line) }
        }
        for line in user.split(separator: "\n", omittingEmptySubsequences: false) {
            let lowered = line.lowercased()
            if lowered.hasPrefix(prefix) {
                let rest = lowered.dropFirst(prefix.count)
                guard rest.isEmpty || rest.first == " " || rest.first == ":" else {
                    append(line)
                    continue
                }
                let number = rest.drop { $0 == " " || $0 == ":" }.prefix { $0.isWholeNumber }
                sections.append((Int(number), []))
            } else {
                append(line)
            }
        }
        return (
            preamble.joined(separator: "\n").trimmingSpaces,
            sections.map { Section(index: $0.index, body: $0.lines.joined(separator: "\n").trimmingSpaces) }
        )
    }
}
