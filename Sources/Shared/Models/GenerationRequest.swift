#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
    /// The provider and model the job was accepted with (`validated` always sets both); nil only in the
    /// parameters of a job stored by an earlier version, which the consumer refuses to guess.
    public var provider: String?
    public var model: String?
    /// Sent to providers that accept one; with it (or temperature 0) identical calls are answered from the
    /// response cache.
    public var seed: Int?
    /// The job stops, keeping its samples, before a call that could take its cost past this.
    public var maxCostUSD: Double?
    /// Few-shot examples in the prompt (enhanced generation may turn them off).
    public var fewShot = true
    /// Whether samples scoring below `minQualityScore` are rejected; plain generation still scores,
    /// de-duplicates and checks for personal data, but keeps low scores.
    public var qualityFilter = false
    public var minQualityScore = GenerationRequest.defaultMinQualityScore
    /// Words a sample should have, asked of the provider (`min_words`/`max_words`).
    public var lengthWords: ClosedRange<Int>?
    /// Extra instructions for every sample, sanitised as `product` is.
    public var constraints: [String] = []
    /// Which earlier samples a sample is de-duplicated against; `dataset` goes with `datasetID`.
    public var dedupScope = DedupScopeKind.job
    public var datasetID: UUID?

    public init(
        product: String, count: Int, version: String = "v1", temperature: Double = 0.7,
        template: SampleKind = .supportRequest, sentimentIntensity: Int? = nil, tone: String? = nil,
        provider: String? = nil, model: String? = nil, seed: Int? = nil, maxCostUSD: Double? = nil
    ) {
        self.product = product
        self.count = count
        self.version = version
        self.temperature = temperature
        self.template = template
        self.sentimentIntensity = sentimentIntensity
        self.tone = tone
        self.provider = provider
        self.model = model
        self.seed = seed
        self.maxCostUSD = maxCostUSD
    }

    /// The job's `params` column.
    public var params: JSONValue {
        var object: JSONObject = [
            "product": .string(product), "count": .int(count), "version": .string(version),
            "temperature": .double(temperature), "template": .string(template.rawValue),
        ]
        object["sentiment_intensity"] = sentimentIntensity.map(JSONValue.int)
        object["tone"] = tone.map(JSONValue.string)
        object["provider"] = provider.map(JSONValue.string)
        object["model"] = model.map(JSONValue.string)
        object["seed"] = seed.map(JSONValue.int)
        object["max_cost_usd"] = maxCostUSD.map(JSONValue.double)
        for (key, value) in controlParams.members { object[key] = value }
        return .object(object)
    }

    /// Reads back what `params` wrote; nil when a stored job does not have that shape.
    public init?(params: JSONValue) {
        guard let product = params["product"]?.stringValue, let count = params["count"]?.intValue,
            let version = params["version"]?.stringValue, let temperature = params["temperature"]?.doubleValue,
            let template = params["template"]?.stringValue.flatMap(SampleKind.init(name:))
        else { return nil }
        self.init(
            product: product, count: count, version: version, temperature: temperature, template: template,
            sentimentIntensity: params["sentiment_intensity"]?.intValue, tone: params["tone"]?.stringValue,
            provider: params["provider"]?.stringValue, model: params["model"]?.stringValue,
            seed: params["seed"]?.intValue, maxCostUSD: params["max_cost_usd"]?.doubleValue)
        readControls(params)
    }

    /// The sanitised echo `/api/validate` returns.
    public var echo: JSONValue {
        [
            "product": .string(product), "count": .int(count), "version": .string(version),
            "temperature": .double(temperature), "template": .string(template.rawValue),
        ]
    }
}
