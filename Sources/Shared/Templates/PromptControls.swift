/// What a request asks of every sample's prompt: the product and the optional controls.
public struct PromptControls: Sendable, Equatable {
    public var product: String
    /// 1 (very negative) … 5 (very positive); nil leaves sentiment to the sample.
    public var sentimentIntensity: Int?
    public var tone: String?
    /// Words; nil uses the template kind's usual range.
    public var lengthWords: ClosedRange<Int>?
    /// Extra requirements, one line each.
    public var constraints: [String]
    public var fewShot: Bool

    public init(
        product: String, sentimentIntensity: Int? = nil, tone: String? = nil, lengthWords: ClosedRange<Int>? = nil,
        constraints: [String] = [], fewShot: Bool = true
    ) {
        self.product = product
        self.sentimentIntensity = sentimentIntensity
        self.tone = tone
        self.lengthWords = lengthWords
        self.constraints = constraints
        self.fewShot = fewShot
    }
}
