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
    /// The template's name (a built-in kind's name or a user template's); resolved with `version` at enqueue.
    public var templateName: String
    /// What the template writes; params without it read it from a built-in template name.
    public var kind: SampleKind
    /// The content hash of the template accepted at enqueue; nil before the request is resolved.
    public var templateHash: String?
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
    /// Samples asked for in one generation call, overriding `DATAFORGE_SAMPLES_PER_CALL` (1 for a provider that
    /// answers JSON badly).
    public var samplesPerCall: Int?
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
    /// The dataset named by the body's `dataset`, resolved to `datasetID` when the job is enqueued (not in params).
    public var datasetName: String?
    /// Set for an augmented job (`/api/generate-augmented`): the originals it keeps are then augmented.
    public var augmentation: AugmentationRequest?

    public init(
        product: String, count: Int, version: String = "v1", temperature: Double = 0.7,
        templateName: String = SampleKind.supportRequest.rawValue, kind: SampleKind = .supportRequest,
        templateHash: String? = nil, sentimentIntensity: Int? = nil, tone: String? = nil,
        provider: String? = nil, model: String? = nil, seed: Int? = nil, maxCostUSD: Double? = nil
    ) {
        self.product = product
        self.count = count
        self.version = version
        self.temperature = temperature
        self.templateName = templateName
        self.kind = kind
        self.templateHash = templateHash
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
            "temperature": .double(temperature), "template": .string(templateName), "kind": .string(kind.rawValue),
        ]
        object["template_hash"] = templateHash.map(JSONValue.string)
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
            let templateName = params["template"]?.stringValue,
            let kind = SampleKind(name: params["kind"]?.stringValue ?? templateName)
        else { return nil }
        self.init(
            product: product, count: count, version: version, temperature: temperature, templateName: templateName,
            kind: kind, templateHash: params["template_hash"]?.stringValue,
            sentimentIntensity: params["sentiment_intensity"]?.intValue, tone: params["tone"]?.stringValue,
            provider: params["provider"]?.stringValue, model: params["model"]?.stringValue,
            seed: params["seed"]?.intValue, maxCostUSD: params["max_cost_usd"]?.doubleValue)
        readControls(params)
    }

    /// The sanitised echo `/api/validate` returns: the compatible fields, then the controls as the job would
    /// store them.
    public var echo: JSONValue {
        var object: JSONObject = [
            "product": .string(product), "count": .int(count), "version": .string(version),
            "temperature": .double(temperature), "template": .string(templateName),
        ]
        for (key, value) in controlParams.members where value != .null { object[key] = value }
        return .object(object)
    }
}
