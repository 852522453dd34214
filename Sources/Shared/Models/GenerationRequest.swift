/// A validated request for a generation job: what the body and query asked for, sanitised.
///
/// It is stored as the job's `params` and read back by the consumer, so the two sides share one shape.
public struct GenerationRequest: Sendable, Equatable {
    public var product: String
    public var count: Int
    public var version: String
    public var temperature: Double
    public var template: SampleKind
    /// 1 (very negative) … 5 (very positive); nil lets each sample vary.
    public var sentimentIntensity: Int?
    public var tone: String?

    public init(
        product: String, count: Int, version: String = "v1", temperature: Double = 0.7,
        template: SampleKind = .supportRequest, sentimentIntensity: Int? = nil, tone: String? = nil
    ) {
        self.product = product
        self.count = count
        self.version = version
        self.temperature = temperature
        self.template = template
        self.sentimentIntensity = sentimentIntensity
        self.tone = tone
    }

    /// The job's `params` column.
    public var params: JSONValue {
        var object: JSONObject = [
            "product": .string(product), "count": .int(count), "version": .string(version),
            "temperature": .double(temperature), "template": .string(template.rawValue),
        ]
        object["sentiment_intensity"] = sentimentIntensity.map(JSONValue.int)
        object["tone"] = tone.map(JSONValue.string)
        return .object(object)
    }

    /// Reads back what `params` wrote; nil when a stored job does not have that shape.
    public init?(params: JSONValue) {
        guard let product = params["product"]?.stringValue, let count = params["count"]?.intValue,
            let version = params["version"]?.stringValue, let temperature = params["temperature"]?.doubleValue,
            let template = params["template"]?.stringValue.flatMap(SampleKind.init(rawValue:))
        else { return nil }
        self.init(
            product: product, count: count, version: version, temperature: temperature, template: template,
            sentimentIntensity: params["sentiment_intensity"]?.intValue, tone: params["tone"]?.stringValue)
    }

    /// The sanitised echo `/api/validate` returns.
    public var echo: JSONValue {
        [
            "product": .string(product), "count": .int(count), "version": .string(version),
            "temperature": .double(temperature), "template": .string(template.rawValue),
        ]
    }
}
