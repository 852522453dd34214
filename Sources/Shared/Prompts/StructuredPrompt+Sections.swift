extension StructuredPrompt {
    /// A blank line, then `### <label> <number>` (`### <label>` without one) and `body` trimmed, newlines kept:
    /// the section convention providers read a prompt's parts by (`OfflinePrompt.sections`, the fake provider).
    static func section(_ label: String, number: Int? = nil, body: String) -> String {
        "\n\n### " + label + (number.map { " \($0)" } ?? "") + "\n" + body.trimmingSpaces
    }
}
