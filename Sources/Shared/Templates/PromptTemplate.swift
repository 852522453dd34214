/// The built-in prompt of one kind and version: a system message and a user message with the controls.
///
/// Versioned user templates come with the templates feature; these are the `v1` defaults.
public struct PromptTemplate: Sendable {
    public var kind: SampleKind
    public var version: String

    public static let builtInVersions = ["v1"]

    public static let sentimentDescriptions: [Int: String] = [
        1: "Very Negative - Highly dissatisfied, angry, or frustrated",
        2: "Negative - Dissatisfied or disappointed",
        3: "Neutral - Balanced or indifferent",
        4: "Positive - Satisfied or pleased",
        5: "Very Positive - Extremely satisfied, delighted, or enthusiastic",
    ]

    /// The template for `kind` at `version`, or nil when that version does not exist.
    public init?(kind: SampleKind, version: String) {
        guard Self.builtInVersions.contains(version) else { return nil }
        self.kind = kind
        self.version = version
    }

    /// The messages for one sample; `index` varies the requested angle, customer and situation so diversity does
    /// not rest on temperature alone. Their counts are coprime, so the first 462 samples of a job each get a
    /// different combination (the offline provider, which answers from the prompt, depends on it).
    public func messages(for request: GenerationRequest, index: Int) -> [ChatMessage] {
        let system = "You write realistic \(kind.noun)s about products, as real customers write them. "
            + "Answer with the text only: no title, no quotes, no preamble."
        var user = "Write one \(kind.noun) about \"\(request.product)\". Length: 50 to 200 words."
        if let sentiment = request.sentimentIntensity, let description = Self.sentimentDescriptions[sentiment] {
            user += "\nSentiment: \(sentiment)/5 (\(description))."
        }
        if let tone = request.tone { user += "\nTone: \(tone)." }
        let angles = kind.angles
        user += "\nFocus on: \(angles[index % angles.count])."
        user += "\nCustomer: \(Self.customers[index % Self.customers.count])."
        user += "\nSituation: \(Self.situations[index % Self.situations.count])."
        return [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)]
    }

    /// Who writes: 7 customers, coprime with the 6 angles and 11 situations.
    static let customers = [
        "a first-time buyer", "a long-time customer", "someone who bought it as a gift", "a small-business owner",
        "a parent in a busy household", "a student on a budget", "a frequent traveller",
    ]

    /// When they write: 11 situations.
    static let situations = [
        "in the first days after delivery", "after a few months of daily use", "right after a software update",
        "after comparing it with a friend's", "just before a trip", "during a busy work week",
        "after contacting support once already", "after reading other customers' reviews", "on a quiet weekend at home",
        "after a recent price change", "when using it with other devices",
    ]
}

extension SampleKind {
    var noun: String {
        switch self {
        case .supportRequest: return "customer support request"
        case .productReview: return "product review"
        case .featureRequest: return "feature request"
        case .chatbotConversation: return "customer-service chatbot reply"
        }
    }

    var angles: [String] {
        switch self {
        case .supportRequest:
            return ["a setup problem", "a billing question", "a defect after some weeks of use", "a delivery issue",
                    "an app or connectivity problem", "a warranty or return question"]
        case .productReview:
            return ["everyday use", "value for money", "build quality", "comparison with a previous product",
                    "the first week of use", "a specific situation where it mattered"]
        case .featureRequest:
            return ["a missing setting", "an integration", "accessibility", "a workflow that takes too long",
                    "sharing or collaboration", "power users' needs"]
        case .chatbotConversation:
            return ["troubleshooting steps", "an order status", "a refund policy", "a product recommendation",
                    "an account question", "escalation to a human agent"]
        }
    }
}
