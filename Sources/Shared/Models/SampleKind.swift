/// The kinds of text DataForge generates; the raw value is the built-in template's name.
///
/// A kind decides what scoring expects of a text (length bands, vocabulary); a user template declares the
/// kind it writes.
public enum SampleKind: String, Sendable, CaseIterable, Codable {
    case supportRequest = "support_request"
    case productReview = "product_review"
    case featureRequest = "feature_request"
    case chatbotConversation = "chatbot_conversation"

    /// The kind named `name`, accepting `chatbot_reply`, the name of `chatbotConversation` in jobs and samples
    /// stored before templates were versioned.
    public init?(name: String) {
        if name == "chatbot_reply" {
            self = .chatbotConversation
        } else {
            self.init(rawValue: name)
        }
    }
}

extension SampleKind {
    /// What one text of the kind is called in prompts ("product review").
    public var noun: String {
        switch self {
        case .supportRequest: "customer support request"
        case .productReview: "product review"
        case .featureRequest: "feature request"
        case .chatbotConversation: "chatbot conversation"
        }
    }
}
