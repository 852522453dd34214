/// A versioned prompt template: the system and user bodies, few-shot examples and diversity pools of one kind.
///
/// Built-ins are the `v1` of each kind's name; user templates are later versions of a built-in name or versions
/// of a new name, and bring their user body only: the system body, examples and pools are their kind's
/// built-in ones. `contentHash` covers everything the template contributes to a prompt, so a job pinned to a
/// hash notices when any of it changed.
public struct PromptTemplate: Sendable, Equatable {
    public var name: String
    public var version: String
    public var kind: SampleKind
    public var description: String
    public var system: TemplateBody
    public var user: TemplateBody
    public var examples: [FewShotExample]
    public var pools: DiversityPools
    public var isBuiltIn: Bool
    /// Lower-case hex SHA-256 over kind, bodies, examples and pools.
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
        user: TemplateBody, examples: [FewShotExample], pools: DiversityPools, isBuiltIn: Bool = false
    ) {
        self.name = name
        self.version = version
        self.kind = kind
        self.description = description
        self.system = system
        self.user = user
        self.examples = examples
        self.pools = pools
        self.isBuiltIn = isBuiltIn
        self.contentHash = Self.hash(
            kind: kind, system: system, user: user, examples: examples, pools: pools)
    }

    /// A user template: `body` as the user message, on `kind`'s built-in system body, examples and pools.
    public static func user(
        name: String, version: String, kind: SampleKind, description: String, body: TemplateBody
    ) -> PromptTemplate {
        let base = builtIn(kind)
        return PromptTemplate(
            name: name, version: version, kind: kind, description: description, system: base.system, user: body,
            examples: base.examples, pools: base.pools)
    }

    /// The content hash a user template with this body and kind gets (what `templates.content_hash` stores).
    public static func userHash(kind: SampleKind, body: TemplateBody) -> String {
        user(name: "", version: "", kind: kind, description: "", body: body).contentHash
    }

    private static func hash(
        kind: SampleKind, system: TemplateBody, user: TemplateBody, examples: [FewShotExample], pools: DiversityPools
    ) -> String {
        let shots = examples.map { "\($0.tone)\u{1f}\($0.sentiment)\u{1f}\($0.text)" }.joined(separator: "\u{1e}")
        let text = [kind.rawValue, system.source, user.source, shots, pools.canonicalText].joined(separator: "\u{1d}")
        return SHA256.hex(of: Array(text.utf8))
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
