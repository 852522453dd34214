/// A versioned prompt template: the system and user bodies, few-shot examples and diversity pools of one kind.
///
/// Built-ins are the `v1` of each kind's name; user templates are later versions of a built-in name or versions
/// of a new name, and bring their user body only: the system body, examples and pools are their kind's
/// built-in ones. `contentHash` covers everything the template contributes to a prompt, and a user template's
/// aspect terms, so a job pinned to a hash notices when any of it changed.
public struct PromptTemplate: Sendable, Equatable {
    public var name: String
    public var version: String
    public var kind: SampleKind
    public var description: String
    public var system: TemplateBody
    public var user: TemplateBody
    public var examples: [FewShotExample]
    public var pools: DiversityPools
    /// Aspect terms this template adds to the standard lexicon: category name → terms that stand in for one
    /// another (see `aspectLexicon`).
    public var aspectTerms: [String: [String]]
    public var isBuiltIn: Bool
    /// Lower-case hex SHA-256 over kind, bodies, examples and pools, and a user template's aspect terms when it
    /// has any.
    ///
    /// A built-in's aspect terms stay out of its hash: built-in hashes are pinned by jobs already queued, and a
    /// consumer refuses a job whose pinned hash differs from the template's, so adding terms to a built-in must
    /// not change it. Empty terms add nothing either, so versions stored before templates had terms keep theirs.
    public let contentHash: String

    public static let sentimentDescriptions: [Int: String] = [
        1: "Very Negative - Highly dissatisfied, angry, or frustrated",
        2: "Negative - Dissatisfied or disappointed",
        3: "Neutral - Balanced or indifferent",
        4: "Positive - Satisfied or pleased",
        5: "Very Positive - Extremely satisfied, delighted, or enthusiastic",
    ]

    public init(
        name: String, version: String, kind: SampleKind, description: String, system: TemplateBody,
        user: TemplateBody, examples: [FewShotExample], pools: DiversityPools, aspectTerms: [String: [String]] = [:],
        isBuiltIn: Bool = false
    ) {
        self.name = name
        self.version = version
        self.kind = kind
        self.description = description
        self.system = system
        self.user = user
        self.examples = examples
        self.pools = pools
        self.aspectTerms = aspectTerms
        self.isBuiltIn = isBuiltIn
        self.contentHash = Self.hash(
            kind: kind, system: system, user: user, examples: examples, pools: pools,
            aspectTerms: isBuiltIn ? [:] : aspectTerms)
    }

    /// A user template: `body` as the user message, on `kind`'s built-in system body, examples and pools, with
    /// its own aspect terms only (a built-in's terms are domain terms of that built-in, not of its kind).
    public static func user(
        name: String, version: String, kind: SampleKind, description: String, body: TemplateBody,
        aspectTerms: [String: [String]] = [:]
    ) -> PromptTemplate {
        let base = builtIn(kind)
        return PromptTemplate(
            name: name, version: version, kind: kind, description: description, system: base.system, user: body,
            examples: base.examples, pools: base.pools, aspectTerms: aspectTerms)
    }

    /// The content hash a user template with this body, kind and aspect terms gets (what `templates.content_hash`
    /// stores).
    public static func userHash(kind: SampleKind, body: TemplateBody, aspectTerms: [String: [String]] = [:]) -> String {
        user(name: "", version: "", kind: kind, description: "", body: body, aspectTerms: aspectTerms).contentHash
    }

    private static func hash(
        kind: SampleKind, system: TemplateBody, user: TemplateBody, examples: [FewShotExample], pools: DiversityPools,
        aspectTerms: [String: [String]]
    ) -> String {
        let shots = examples.map { "\($0.tone)\u{1f}\($0.sentiment)\u{1f}\($0.text)" }.joined(separator: "\u{1e}")
        var parts = [kind.rawValue, system.source, user.source, shots, pools.canonicalText]
        if !aspectTerms.isEmpty { parts.append(canonicalText(of: aspectTerms)) }
        return SHA256.hex(of: Array(parts.joined(separator: "\u{1d}").utf8))
    }

    // MARK: - Built-ins

    /// The built-in templates, `v1` of each kind, named after the kind.
    public static let builtIns: [PromptTemplate] = SampleKind.allCases.map(builtIn)

    /// The built-in `name` at `version`, or nil; `chatbot_reply` (stored jobs' name) is `chatbot_conversation`.
    public static func builtIn(name: String, version: String) -> PromptTemplate? {
        let canonical = SampleKind(name: name)?.rawValue ?? name
        return builtIns.first { $0.name == canonical && $0.version == version }
    }

    /// Versions every built-in name has before any user version.
    public static let builtInVersions = ["v1"]
}
