/// The word counts a sample of one kind should have: an ideal band, and hard limits outside which it is rejected.
///
/// Between a hard limit and the ideal band the length score falls linearly from 1 to 0.5, so a slightly short
/// review is scored, not dropped.
public struct LengthBands: Sendable, Equatable {
    /// Fewer words than this: too short.
    public var minimum: Int
    public var idealMinimum: Int
    public var idealMaximum: Int
    /// More words than this: too long.
    public var maximum: Int

    /// Bands in order; out-of-order bands are a programmer's error, since they are written in code, not read.
    public init(minimum: Int, idealMinimum: Int, idealMaximum: Int, maximum: Int) {
        precondition(
            0 <= minimum && minimum < idealMinimum && idealMinimum <= idealMaximum && idealMaximum < maximum,
            "length bands must be ordered: minimum < ideal minimum <= ideal maximum < maximum")
        self.minimum = minimum
        self.idealMinimum = idealMinimum
        self.idealMaximum = idealMaximum
        self.maximum = maximum
    }

    /// The bands of each kind: reviews run longest, chatbot replies may be a line.
    public static func standard(for kind: SampleKind) -> LengthBands {
        switch kind {
        case .productReview: LengthBands(minimum: 15, idealMinimum: 40, idealMaximum: 200, maximum: 400)
        case .supportRequest: LengthBands(minimum: 10, idealMinimum: 25, idealMaximum: 150, maximum: 300)
        case .featureRequest: LengthBands(minimum: 10, idealMinimum: 25, idealMaximum: 150, maximum: 300)
        case .chatbotConversation: LengthBands(minimum: 3, idealMinimum: 10, idealMaximum: 120, maximum: 250)
        }
    }

    /// 1 inside the ideal band, falling to 0.5 at a hard limit, 0 beyond it.
    func score(wordCount: Int) -> Double {
        if violation(wordCount: wordCount) != nil { return 0 }
        if wordCount < idealMinimum {
            return 0.5 + 0.5 * Double(wordCount - minimum) / Double(idealMinimum - minimum)
        }
        if wordCount > idealMaximum {
            return 1 - 0.5 * Double(wordCount - idealMaximum) / Double(maximum - idealMaximum)
        }
        return 1
    }

    /// `tooShort` or `tooLong` outside the hard limits, else nil.
    func violation(wordCount: Int) -> RejectionReason? {
        if wordCount < minimum { return .tooShort }
        if wordCount > maximum { return .tooLong }
        return nil
    }
}
