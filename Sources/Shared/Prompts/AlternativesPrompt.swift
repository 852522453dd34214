/// The prompt that asks for same-category alternatives of a text's aspect terms (aspect-focused augmentation
/// with `aspect_alternatives=llm`), answered as `{"alternatives":[{"term":string,"alternative":string}]}`, one
/// item per alternative; `parse` groups them by term.
public struct AlternativesPrompt: StructuredPrompt {
    /// Strict-compatible: every property required, no additional ones.
    public static let schema = ResponseSchema.itemList(
        named: "alternatives", properties: [("term", "string"), ("alternative", "string")])

    /// Alternatives asked per term.
    public static let perTerm = 3

    public var product: String
    /// The terms with their category (`product`, `service`, `experience`, or a template's own).
    public var terms: [(term: String, category: String)]

    public init(product: String, terms: [(term: String, category: String)]) {
        self.product = product
        self.terms = terms
    }

    public var messages: [ChatMessage] {
        let system = "You suggest interchangeable aspect terms for customer texts about products, for a dataset that "
            + "varies which aspect a text talks about while keeping everything else."
        let user = "For each term under the Terms header, give up to \(Self.perTerm) alternatives of the same kind: "
            + "another part, feature, service or experience of a \(product.trimmingSpaces) that the same sentence "
            + "could name instead. Each alternative is one to three lower-case words, is not the term itself, and "
            + "carries no opinion (no \"great\" or \"broken\"). Answer one item per alternative, with its term as written."
            + Self.section("Terms", body: terms.map { "- \($0.term) (\($0.category))" }.joined(separator: "\n"))
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }

    public var outputAllowance: Int { 24 + terms.count * Self.perTerm * 16 }

    /// The alternatives of each term asked about (by its lower-case spelling), in answer order: at most `perTerm`
    /// each, one to three words, without the term itself, repeats or terms not asked about.
    public func parse(_ answer: String) -> [String: [String]] {
        let asked = Set(terms.map { $0.term.lowercased() })
        var alternatives: [String: [String]] = [:]
        for item in AnswerArray.items(in: answer, key: Self.schema.name) {
            guard let term = item["term"]?.stringValue?.trimmingSpaces.lowercased(), asked.contains(term),
                let alternative = AnswerArray.text(of: item, field: "alternative")?.lowercased(),
                alternative != term, (1...3).contains(alternative.split(separator: " ").count),
                alternatives[term, default: []].count < Self.perTerm,
                alternatives[term]?.contains(alternative) != true
            else { continue }
            alternatives[term, default: []].append(alternative)
        }
        return alternatives
    }
}
