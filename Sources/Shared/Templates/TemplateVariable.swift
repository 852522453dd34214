/// The variables a prompt template may use: the renderer sets exactly these, and a body that uses any other
/// name is refused when it is stored.
public enum TemplateVariable: String, Sendable, CaseIterable {
    case product
    /// 1…5, absent when the request leaves sentiment free.
    case sentimentIntensity = "sentiment_intensity"
    /// The description of `sentiment_intensity` from `PromptTemplate.sentimentDescriptions`.
    case sentimentScale = "sentiment_scale"
    case tone
    /// A sentence such as "between 50 and 200 words".
    case lengthConstraint = "length_constraint"
    /// A list of strings.
    case constraints
    /// A list of strings: few-shot examples, empty when few-shot is off.
    case examples
    case persona
    case ageBand = "age_band"
    case expertise
    case channel
    case scenario
    case focus
    case opening
    /// An integer number of words inside the length constraint.
    case lengthTarget = "length_target"

    /// Every declared name, for messages and `GET /api/config`.
    public static let names: [String] = allCases.map(\.rawValue)
}
